/**
 * Projects written by every earlier schema version open in the current app and read back what was
 * saved (issue #10). The fixtures in test/fixtures/projects/ were written by the Slicewise of each
 * version (scripts/make-project-fixtures.ts) and are pinned by sha256, so no later change can
 * quietly rewrite them to match new code.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { listAudit } from '../../../../src/main/store/audit';
import { getRoles } from '../../../../src/main/store/roles';
import { listDatasets, loadTable } from '../../../../src/main/store/datasets';
import { LATEST_SCHEMA_VERSION } from '../../../../src/main/store/migrations';
import { ProjectDb } from '../../../../src/main/store/project-db';
import { reportForRun } from '../../../../src/main/store/reports';
import { getRun, listRuns } from '../../../../src/main/store/runs';
import { formatCell } from '../../../../src/shared/format-cell';
import { tempDir } from '../../helpers/temp';

const ROOT = join(import.meta.dirname, '../../../..');
const FIXTURES = join(ROOT, 'test/fixtures/projects');

interface Fixture {
  file: string;
  version: number;
  commit: string;
  input: string;
  sha256: string;
  contents: {
    userVersion: number;
    datasets: { id: number; name: string; rows: number; columns: number }[];
    runs: { id: number; datasetId: number; kind: string; status: string; findings: number }[];
    auditEntries: number | null;
    settings: number | null;
  };
}

const manifest = JSON.parse(readFileSync(join(FIXTURES, 'fixtures.json'), 'utf8')) as { fixtures: Fixture[] };
const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const MISSING = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?']);

/** The input CSV as rows of cells (these fixtures' inputs have no quoted fields). */
function readCsv(path: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
  return { header: header!, rows };
}

describe('fixture projects of every schema version', () => {
  const dir = tempDir();

  test('there is a fixture for every schema version, 1 to the latest', () => {
    const versions = manifest.fixtures.map((f) => f.version).sort((a, b) => a - b);
    assert.deepEqual(versions, Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  for (const f of manifest.fixtures) {
    test(`v${f.version} (${f.file}, written at ${f.commit.slice(0, 7)}) is unchanged, opens, migrates and reads back`, () => {
      const fixture = join(FIXTURES, f.file);
      assert.equal(sha256(fixture), f.sha256, `${f.file} changed: fixtures are evidence of what an old version wrote and must never be rewritten`);
      const path = join(dir, f.file);
      copyFileSync(fixture, path);
      // user_version sits at byte 60 of the SQLite header.
      assert.equal(readFileSync(path).readUInt32BE(60), f.version);

      const p = ProjectDb.open(path, { appVersion: 'test' });
      try {
        assert.equal(p.schemaVersion(), LATEST_SCHEMA_VERSION);
        assert.equal(p.db.pragma('integrity_check', { simple: true }), 'ok');
        if (f.version < LATEST_SCHEMA_VERSION) {
          assert.deepEqual(p.migrated, { fromVersion: f.version, backup: `${path}.bak-v${f.version}` });
          assert.equal(sha256(`${path}.bak-v${f.version}`), f.sha256, 'the backup holds the old bytes');
        } else {
          assert.equal(p.migrated, undefined);
          assert.equal(existsSync(`${path}.bak-v${f.version}`), false);
        }

        const datasets = listDatasets(p.db);
        assert.deepEqual(
          datasets.map((d) => ({ id: d.id, name: d.name, rows: d.rows, columns: d.columns.length })),
          f.contents.datasets,
        );
        const csv = readCsv(join(ROOT, f.input));
        for (const d of datasets) {
          assert.deepEqual(d.columns.map((c) => c.name), csv.header);
          const table = loadTable(p.db, d.id);
          assert.equal(table.rowCount, csv.rows.length);
          table.columns.forEach((col, c) => {
            csv.rows.forEach((cells, r) => {
              const cell = cells[c]!;
              const got = formatCell(col, r);
              if (MISSING.has(cell)) assert.equal(got, null, `${d.name}.${col.name} row ${r + 1} should be missing`);
              else if (col.storage === 'number') assert.equal(col.values[r], Number(cell), `${d.name}.${col.name} row ${r + 1}`);
              else assert.equal(got, cell, `${d.name}.${col.name} row ${r + 1}`);
            });
          });
          assert.doesNotThrow(() => getRoles(p.db, d.id));
        }

        const runs = listRuns(p.db).reverse();
        assert.deepEqual(
          runs.map((r) => ({ id: r.id, datasetId: r.datasetId, kind: r.kind, findings: r.counts.issues + r.counts.passed + r.counts.notEnoughData })),
          f.contents.runs.map((r) => ({ id: r.id, datasetId: r.datasetId, kind: r.kind, findings: r.findings })),
        );
        for (const r of f.contents.runs) {
          const run = getRun(p.db, r.id);
          assert.equal(run.status, r.status);
          assert.equal(run.findings.length, r.findings);
          // The current report builder reads the old run's evidence and findings.
          const { report } = reportForRun(p.db, r.id, 'test');
          assert.equal(report.findings?.length, r.findings);
        }
        assert.equal(listAudit(p.db).length, f.contents.auditEntries ?? 0);
      } finally {
        p.close();
      }
      // Opening changed only the copy: the committed fixture is as it was.
      assert.equal(sha256(fixture), f.sha256);
    });
  }
});
