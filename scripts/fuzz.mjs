#!/usr/bin/env node
// A longer fuzz campaign than the one in npm test: the same targets (test/unit/fuzz), many more
// cases, and a fresh seed unless one is given, so each campaign explores new ground.
//   npm run fuzz                     20× the suite's cases (≥ 200,000 per reader), a random seed
//   npm run fuzz -- --runs 100       100× the cases
//   npm run fuzz -- --seed 12345     replay a campaign (the seed is printed at the start)
//   npm run fuzz -- csv json         only these targets (file names in test/unit/fuzz)
// A failure leaves the shrunk case's file in test-results/fuzz-failures/ and prints the seed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, 'test', 'unit', 'fuzz');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const runs = Number(option('--runs', process.env.FUZZ_RUNS ?? 20));
const seed = Number(option('--seed', process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31)));
const wanted = args;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort()
  .map((f) => join('test', 'unit', 'fuzz', f));
if (files.length === 0) {
  console.error(`No fuzz test matches ${wanted.join(', ')}.`);
  process.exit(2);
}
console.log(`fuzz campaign: FUZZ_RUNS=${runs} FUZZ_SEED=${seed} (replay with: npm run fuzz -- --runs ${runs} --seed ${seed})`);
const started = Date.now();
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TZ: 'UTC', FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
});
console.log(`fuzz campaign: ${r.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s (FUZZ_RUNS=${runs}, FUZZ_SEED=${seed})`);
process.exit(r.status ?? 1);
