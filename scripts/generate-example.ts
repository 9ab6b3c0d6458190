/**
 * Writes the shipped examples in resources/examples from their generators in scripts/examples/:
 * realistic, entirely synthetic tables with problems planted on purpose so the check-up has
 * something to find (every one is listed in resources/examples/README.md).
 *   - loan-applications.csv, loan-applications-2026.csv: loan decisions with a score (binary);
 *   - photo-labels.csv: an animal classifier's answers on camera-trap photos (multiclass);
 *   - house-prices.csv: a valuation model's predicted sale prices (regression).
 * Deterministic (seeded): running it again gives the same bytes.
 *
 *   npx tsx scripts/generate-example.ts [--check]   (--check: fail if a shipped file differs)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { housePricesExample } from './examples/house-prices';
import { loanExamples } from './examples/loan-applications';
import { photoLabelsExample } from './examples/photo-labels';

const DIR = join(import.meta.dirname, '..', 'resources', 'examples');
const check = process.argv.includes('--check');

let stale = false;
for (const ex of [...loanExamples(), photoLabelsExample(), housePricesExample()]) {
  const out = join(DIR, ex.file);
  if (check) {
    if (!existsSync(out) || readFileSync(out, 'utf8') !== ex.csv) {
      console.error(`${out} differs from what the generator makes. Run: npx tsx scripts/generate-example.ts`);
      stale = true;
    } else console.log(`${ex.file} is up to date`);
  } else {
    writeFileSync(out, ex.csv);
    console.log(`wrote ${out} (${ex.rows} rows)`);
  }
}
if (stale) process.exit(1);
