/**
 * Electronegativity (Doyensec's static checker for Electron anti-patterns) over the app's source:
 * main, preload, renderer and the shared code bundled into all three, plus package.json (its
 * checks read the npm scripts for debugging flags). Every HIGH or MEDIUM finding must be matched
 * by an entry of security/electronegativity-allowlist.json that says why it is safe; an entry
 * that no longer matches a finding fails too, so the list only holds what was reviewed.
 *
 * Offline by construction: at start the tool fetches updated translations, and one global check
 * fetches Electron's release list. `got` (its HTTP client) is replaced by a stub before the tool
 * loads, and that check is excluded (the Electron version is pinned in package.json and upgraded
 * on purpose, not discovered by this test).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ALLOWLIST_FILE = join(ROOT, 'security', 'electronegativity-allowlist.json');
/** What is scanned, relative to the repo root. */
const SCANNED = ['src/main', 'src/preload', 'src/renderer', 'src/shared', 'package.json'];
const GATED_SEVERITIES = new Set(['HIGH', 'MEDIUM']);
/** Needs the network (Electron's release list); see the top of this file. */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

interface Finding {
  id: string;
  /** Relative to the scanned root, or "N/A" for a finding about the app as a whole. */
  file: string;
  location?: { line: number; column: number };
  severity: { name: string; value: number };
  confidence: { name: string };
  /** The flagged line's text (atomic checks only). */
  sample?: string;
  description: string;
  shortenedURL?: string;
  manualReview?: boolean;
}

interface RunResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}

interface RunOptions {
  input: string;
  isRelative: boolean;
  electronVersionOverride: string;
  excludeFromScan: string[];
}

type Run = (options: RunOptions) => Promise<RunResult>;

interface AllowlistEntry {
  check: string;
  file: string;
  /** A piece of the flagged line's text, to pin the entry to one place in the file. */
  lineContains?: string;
  justification: string;
}

const require = createRequire(import.meta.url);

/** Loads electronegativity's programmatic entry (its package "main": dist/runner.js) with `got` stubbed. */
function loadElectronegativity(): Run {
  const entry = require.resolve('@doyensec/electronegativity');
  const gotPath = createRequire(entry).resolve('got');
  const offline = Object.assign(async () => ({ statusCode: 404, body: '{}' }), {
    head: async () => {
      throw new Error('electronegativity test: no network');
    },
  });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeJS.Module;
  return require(entry) as Run;
}

function electronVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
}

function readAllowlist(): AllowlistEntry[] {
  const data = JSON.parse(readFileSync(ALLOWLIST_FILE, 'utf8')) as { entries?: unknown };
  assert.ok(Array.isArray(data.entries), `${ALLOWLIST_FILE}: "entries" must be an array`);
  return data.entries.map((raw: unknown, i: number) => {
    const e = raw as Partial<Record<keyof AllowlistEntry, unknown>>;
    const where = `allowlist entry ${i} (${String(e.check)} in ${String(e.file)})`;
    assert.ok(typeof e.check === 'string' && /^[A-Z0-9_]+$/.test(e.check), `${where}: "check" must be an electronegativity check id`);
    assert.ok(typeof e.file === 'string' && e.file !== '', `${where}: "file" is required ("N/A" for a whole-app finding)`);
    assert.ok(e.lineContains === undefined || (typeof e.lineContains === 'string' && e.lineContains !== ''), `${where}: "lineContains" must be a non-empty string`);
    assert.ok(typeof e.justification === 'string' && e.justification.trim().length >= 60, `${where}: needs a written justification (why it is safe, where that is enforced)`);
    return { check: e.check, file: e.file, justification: e.justification, ...(e.lineContains ? { lineContains: e.lineContains } : {}) };
  });
}

function matches(entry: AllowlistEntry, finding: Finding): boolean {
  if (entry.check !== finding.id || entry.file !== finding.file) return false;
  return entry.lineContains === undefined || (finding.sample ?? '').includes(entry.lineContains);
}

function describeFinding(f: Finding): string {
  const where = f.file === 'N/A' ? 'the app as a whole' : `${f.file}:${f.location?.line ?? '?'}`;
  const line = f.sample ? `\n      ${f.sample}` : '';
  return `  ${f.id} (${f.severity.name}, ${f.confidence.name}) at ${where}${line}\n      ${f.description}${f.shortenedURL ? ` ${f.shortenedURL}` : ''}`;
}

/** A folder holding links to exactly what is scanned, so the findings' paths read src/main/… */
function scanRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slicewise-electronegativity-'));
  const links: string[] = [];
  for (const rel of SCANNED) {
    const link = join(dir, rel);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(ROOT, rel), link, rel.endsWith('.json') ? 'file' : 'junction');
    links.push(link);
  }
  after(() => {
    for (const link of links) unlinkSync(link); // the links only, never what they point at
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

describe('security: electronegativity over the app source', () => {
  let run: Run;
  let result: RunResult;

  before(async () => {
    run = loadElectronegativity();
    result = await run({ input: scanRoot(), isRelative: true, electronVersionOverride: electronVersion(), excludeFromScan: EXCLUDED_CHECKS });
    for (const issue of result.issues) issue.file = issue.file.split(sep).join('/'); // the allowlist uses forward slashes
  });

  test('the checker is live: it flags an unisolated window and an app with no navigation, permission or CSP rules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slicewise-electronegativity-canary-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(
      join(dir, 'bad-window.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { contextIsolation: false } });\n",
    );
    const canary = await run({ input: dir, isRelative: true, electronVersionOverride: electronVersion(), excludeFromScan: EXCLUDED_CHECKS });
    const found = new Set(canary.issues.filter((i) => GATED_SEVERITIES.has(i.severity.name)).map((i) => `${i.id} ${i.file}`));
    for (const want of [
      'CONTEXT_ISOLATION_JS_CHECK bad-window.ts',
      'LIMIT_NAVIGATION_GLOBAL_CHECK N/A',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK N/A',
      'CSP_GLOBAL_CHECK N/A',
    ]) {
      assert.ok(found.has(want), `expected ${want} on the canary; got ${[...found].join(', ') || 'nothing'}`);
    }
  });

  test('every source file was parsed', () => {
    assert.ok(result.atomicChecks > 20 && result.globalChecks > 0, `checks loaded: ${result.atomicChecks} atomic, ${result.globalChecks} global`);
    const failed = result.errors.filter((e) => !e.tolerable);
    assert.deepEqual(
      failed.map((e) => `${e.file}: ${e.message}`),
      [],
      'electronegativity could not parse these files, so nothing in them was checked',
    );
  });

  test('no HIGH or MEDIUM finding without a reviewed justification, and no stale allowlist entry', (t) => {
    const allowlist = readAllowlist();
    const gated = result.issues.filter((i) => GATED_SEVERITIES.has(i.severity.name));
    const unjustified = gated.filter((f) => !allowlist.some((e) => matches(e, f)));
    const stale = allowlist.filter((e) => !gated.some((f) => matches(e, f)));
    const ungated = result.issues.length - gated.length;

    const summary = `electronegativity: ${gated.length} findings, ${gated.length - unjustified.length} allowlisted, ${unjustified.length} unjustified`;
    console.log(summary);
    t.diagnostic(`${ungated} low/informational findings not gated; ${result.atomicChecks + result.globalChecks} checks run`);

    const problems: string[] = [];
    if (unjustified.length > 0) {
      problems.push(
        `HIGH/MEDIUM findings with no allowlist entry — fix the code, or add an entry to security/electronegativity-allowlist.json that says why it is safe:\n${unjustified.map(describeFinding).join('\n')}`,
      );
    }
    if (stale.length > 0) {
      problems.push(
        `Allowlist entries that match no finding any more — remove them (the code changed, or the check no longer fires):\n${stale.map((e) => `  ${e.check} in ${e.file}${e.lineContains ? ` (line containing "${e.lineContains}")` : ''}`).join('\n')}`,
      );
    }
    assert.equal(problems.length, 0, problems.join('\n\n'));
  });
});
