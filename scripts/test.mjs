#!/usr/bin/env node
// The one test command (npm test): type-checks, lint, build, unit tests, renderer e2e in Chromium.
// Prints a plain summary line per suite ("unit: N passed, N failed") that CI can read.
//   node scripts/test.mjs            everything
//   node scripts/test.mjs unit       unit tests only (no build)
//   node scripts/test.mjs e2e        build + e2e only
//   node scripts/test.mjs bench      the benchmark's smoke run only
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv[2];
const results = [];

function run(name, cmd, args, opts = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

function findTests(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) {
      if (entry !== 'fixtures') out.push(...findTests(p));
    } else if (entry.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out.sort();
}

function tapCounts(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const get = (k) => Number((text.match(new RegExp(`^# ${k} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  return { passed: get('pass'), failed: get('fail'), skipped: get('skipped') + get('todo'), cancelled: get('cancelled') };
}

function unit() {
  mkdirSync(join(root, 'test-results'), { recursive: true });
  const tap = join(root, 'test-results', 'unit.tap');
  const files = findTests(join(root, 'test', 'unit'));
  const ok = run('unit', process.execPath, [
    '--import', 'tsx',
    '--test',
    // Two test files at a time on a 2-core machine: ~310 s instead of ~380 s.
    '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ], { env: { TZ: 'UTC' } });
  const c = tapCounts(tap);
  const line = `unit: ${c.passed} passed, ${c.failed + c.cancelled} failed, ${c.skipped} skipped`;
  console.log(line);
  // The innermost failing tests by name, repeated in the summary (CI shows only the log's tail).
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const failed = [...text.matchAll(/^(\s*)not ok \d+ - (.*)$/gm)].map((m) => m[2].trim()).filter((t) => !/# (TODO|SKIP)\b/.test(t));
  results.at(-1).detail = [line, ...failed.slice(0, 20).map((t) => `failed: ${t}`)];
  return ok;
}

function e2e() {
  const report = join(root, 'test-results', 'e2e-results.json');
  const ok = run('e2e', 'npx', ['playwright', 'test'], { env: { TZ: 'UTC' } });
  let stats = { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
  if (existsSync(report)) stats = JSON.parse(readFileSync(report, 'utf8')).stats ?? stats;
  const line = `e2e: ${stats.expected + stats.flaky} passed, ${stats.unexpected} failed, ${stats.skipped} skipped` +
    (stats.flaky ? ` (${stats.flaky} flaky: passed on retry)` : '');
  console.log(line);
  const named = existsSync(report) ? e2eOutcomes(JSON.parse(readFileSync(report, 'utf8'))) : [];
  results.at(-1).detail = [line, ...named.slice(0, 20)];
  return ok;
}

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** "failed: file › title: first line of the error" for every test that failed or passed only on retry. */
function e2eOutcomes(json) {
  const out = [];
  const walk = (suite, file) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
        const error = t.results?.find((r) => r.error)?.error?.message ?? '';
        const first = error.replace(ANSI_COLOUR, '').split('\n').find((l) => l.trim()) ?? '';
        out.push(`${t.status === 'flaky' ? 'flaky' : 'failed'}: ${file ?? spec.file} › ${spec.title}: ${first.trim().slice(0, 200)}`);
      }
    }
    for (const s of suite.suites ?? []) walk(s, file ?? s.file);
  };
  for (const s of json.suites ?? []) walk(s, s.file);
  return out;
}

let ok = true;
if (!only || only === 'static') {
  ok = run('typecheck (node)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']) && ok;
  ok = run('typecheck (web)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']) && ok;
  ok = run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']) && ok;
  ok = run('example up to date', 'npx', ['tsx', 'scripts/generate-example.ts', '--check']) && ok;
}
if (!only || only === 'e2e') ok = run('build', 'npm', ['run', 'build']) && ok;
if (!only || only === 'unit') ok = unit() && ok;
if (!only || only === 'e2e') ok = e2e() && ok;
// The benchmark end to end on a small table (both sides, every stage), so it cannot rot between
// real runs; its ratios are printed, not asserted (timings are for `npm run bench` on a quiet machine).
if (!only || only === 'bench') ok = run('bench (smoke, 20,000 rows)', 'npx', ['tsx', 'bench/run.ts', '--rows', '20000', '--runs', '1']) && ok;

console.log('\nSummary');
for (const r of results) {
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds.toFixed(1)} s)`);
  for (const d of r.detail ?? []) console.log(`          ${d}`);
}
process.exit(ok ? 0 : 1);
