/**
 * Writes the fixture projects in test/fixtures/projects/: one per schema version, each written by
 * the Slicewise of that time. The commit is extracted with `git archive` (read-only: no checkout,
 * no change to the working tree or to git) into a temporary folder, given this checkout's
 * node_modules (every commit listed pins the same dependencies), and its own CLI runs
 * `slicewise check people-40.csv --project vN-people.slicewise` there.
 *
 * It never overwrites a fixture: once committed, a fixture is evidence of what that version wrote,
 * pinned by its sha256 in fixtures.json (checked by test/unit/main/store/fixture-projects.test.ts).
 * When migration N+1 is added, add { version: N+1, commit: <the commit that adds it> } below and run
 *   npx tsx scripts/make-project-fixtures.ts
 * then commit the new .slicewise file and the updated fixtures.json.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'test/fixtures/projects');
const MANIFEST = join(OUT, 'fixtures.json');
const CSV = 'people-40.csv';

/** Which commit wrote each version's fixture: the last commit before the next migration was added. */
const VERSIONS: { version: number; commit: string; file: string; csv: string; note: string }[] = [
  { version: 1, commit: '9a2f3e2d46ea250976ef3c209ae1ae2a7fd73484', file: 'v1-small.slicewise', csv: 'test/fixtures/csv/small.csv', note: 'the first importer (text chunks); import only' },
  { version: 2, commit: 'b616def6c620c8eee9a2b20f5f5931b9ee8606f7', file: 'v2-people.slicewise', csv: CSV, note: 'typed columns; the CLI kept the import only' },
  { version: 3, commit: 'a4890fd2ebc4350d54d9ed9c662ce21421379735', file: 'v3-people.slicewise', csv: CSV, note: 'roles guessed at import; import and check-up run' },
  { version: 4, commit: 'b6def719941e7d447f4e530a4ad3383349a699a8', file: 'v4-people.slicewise', csv: CSV, note: 'audit trail and settings; import and check-up run' },
  { version: 5, commit: '55a94539a5d106bcaaf93ba0068930834fcb56fb', file: 'v5-people.slicewise', csv: CSV, note: 'big dictionaries may be packed (this one has none); import and check-up run' },
];

/** 40 made-up people, from a formula (no randomness): the CSV every fixture from v2 on imports. */
function peopleCsv(): string {
  const lines = ['id,age,sex,region,income,repaid,score,decision'];
  const regions = ['North', 'South', 'East', 'West'];
  for (let i = 1; i <= 40; i++) {
    const age = i % 13 === 0 ? 'NA' : String(20 + ((i * 7) % 50));
    const sex = i % 3 === 0 ? 'female' : 'male';
    const income = i % 9 === 0 ? '' : String(18_000 + ((i * 3_517) % 60_000));
    const repaid = (i * 5) % 7 < 5 ? 1 : 0;
    const score = (((i * 37) % 100) / 100).toFixed(2);
    lines.push([i, age, sex, regions[i % 4], income, repaid, score, Number(score) >= 0.5 ? 'approved' : 'declined'].join(','));
  }
  return `${lines.join('\n')}\n`;
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** What the file holds, read with plain SQL (no Slicewise code), for the test to compare with. */
function contents(path: string, work: string): Record<string, unknown> {
  // Read a copy: even a read-only connection leaves -wal and -shm files next to a WAL database.
  const copy = join(work, 'contents.slicewise');
  copyFileSync(path, copy);
  const db = new Database(copy, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string): number | null =>
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : null;
    return {
      userVersion: db.pragma('user_version', { simple: true }),
      datasets: db.prepare('SELECT id, name, row_count AS rows, (SELECT count(*) FROM dataset_columns c WHERE c.dataset_id = d.id) AS columns FROM datasets d ORDER BY id').all(),
      runs: db.prepare('SELECT id, dataset_id AS datasetId, kind, status, (SELECT count(*) FROM findings f WHERE f.run_id = r.id) AS findings FROM runs r ORDER BY id').all(),
      auditEntries: count('audit_log'),
      settings: count('project_settings'),
    };
  } finally {
    db.close();
    for (const side of ['', '-wal', '-shm']) rmSync(`${copy}${side}`, { force: true });
  }
}

function make(v: (typeof VERSIONS)[number], work: string): void {
  const tree = join(work, `v${v.version}`);
  execFileSync('mkdir', ['-p', tree]);
  // git archive reads the commit's tree; nothing in the repository changes.
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive ${v.commit} | tar -x -C "${tree}"`]);
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  const csv = join(tree, basename(v.csv));
  copyFileSync(join(ROOT, v.csv === CSV ? join('test/fixtures/projects', CSV) : v.csv), csv);
  const project = join(tree, v.file);
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/slicewise.ts', 'check', csv, '--project', project, '--quiet'], { cwd: tree, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  for (const side of ['-wal', '-shm']) if (existsSync(`${project}${side}`)) throw new Error(`${project}${side} was left behind: the CLI did not close the project`);
  copyFileSync(project, join(OUT, v.file));
}

const csvPath = join(OUT, CSV);
if (!existsSync(csvPath)) writeFileSync(csvPath, peopleCsv());
else if (readFileSync(csvPath, 'utf8') !== peopleCsv()) throw new Error(`${csvPath} differs from what this script writes; it must never change.`);

const manifest = existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { fixtures: Record<string, unknown>[] }) : { fixtures: [] };
const work = mkdtempSync(join(tmpdir(), 'slicewise-fixtures-'));
try {
  for (const v of VERSIONS) {
    const out = join(OUT, v.file);
    if (!existsSync(out)) {
      console.log(`v${v.version}: writing ${v.file} with the CLI of ${v.commit.slice(0, 7)}…`);
      make(v, work);
    } else {
      console.log(`v${v.version}: ${v.file} exists; kept as it is`);
    }
    if (!manifest.fixtures.some((f) => f.file === v.file)) {
      manifest.fixtures.push({ file: v.file, version: v.version, commit: v.commit, input: v.csv === CSV ? `test/fixtures/projects/${CSV}` : v.csv, note: v.note, sha256: sha256(out), contents: contents(out, work) });
    }
  }
  manifest.fixtures.sort((a, b) => (a.version as number) - (b.version as number));
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
