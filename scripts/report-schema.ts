/**
 * Writes docs/report.schema.json from src/shared/report/report-schema.ts.
 *   npx tsx scripts/report-schema.ts [--check]   (--check: fail if the committed file differs)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportJsonSchema } from '../src/shared/report/report-schema';

const OUT = join(import.meta.dirname, '..', 'docs', 'report.schema.json');
const text = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(OUT, 'utf8') !== text) {
    console.error('docs/report.schema.json is out of date: run npx tsx scripts/report-schema.ts');
    process.exit(1);
  }
  console.log('report schema is up to date');
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}`);
}
