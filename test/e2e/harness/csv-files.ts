/** Data files generated into a test's temp folder, with the numbers a correct import must report. */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedCsv {
  path: string;
  rows: number;
  columns: string[];
  missing: Record<string, number>;
}

/**
 * `rows` data lines; `score` is empty on every 7th row (i % 7 === 0), `note` says "NA" on every
 * 100th row, so the expected missing counts follow from arithmetic.
 */
export function writeCountedCsv(dir: string, name: string, rows: number): GeneratedCsv {
  const lines = ['id,group,score,note'];
  for (let i = 1; i <= rows; i++) {
    lines.push(`${i},${i % 2 === 0 ? 'even' : 'odd'},${i % 7 === 0 ? '' : (i % 97) / 10},${i % 100 === 0 ? 'NA' : 'ok'}`);
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return {
    path,
    rows,
    columns: ['id', 'group', 'score', 'note'],
    missing: { id: 0, group: 0, score: Math.floor(rows / 7), note: Math.floor(rows / 100) },
  };
}

/** A large, valid CSV (about `megabytes` MB) for progress and cancel: one block written many times. */
export function writeLargeCsv(dir: string, name: string, megabytes: number): string {
  const lines: string[] = [];
  for (let i = 0; i < 2000; i++) lines.push(`${i},customer-${i % 313},${(i * 7.31) % 1000},${i % 5 === 0 ? '' : 'north'},2024-0${(i % 9) + 1}-1${i % 10}`);
  const block = Buffer.from(`${lines.join('\n')}\n`.repeat(64));
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, 'id,customer,amount,region,date\n');
    for (let written = 0; written < megabytes * 1024 * 1024; written += block.length) writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
  return path;
}

/**
 * A table big enough that a check-up takes a few seconds (for progress and Cancel): `rows` rows
 * with an id, categories, amounts, free text, a date, an outcome and a score (so the model checks
 * run too). Written in one go; about 12 MB for 200,000 rows.
 */
export function writeCheckupCsv(dir: string, name: string, rows: number): string {
  const regions = ['north', 'south', 'east', 'west', 'North ', 'centre'];
  const lines = ['customer_id,region,plan,amount,visits,signup_date,comment,churned,churn_score'];
  let seed = 7;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 1; i <= rows; i++) {
    const score = rand();
    const churned = rand() < score ? 1 : 0;
    lines.push(
      `${i},${regions[i % regions.length]},${['basic', 'plus', 'pro'][i % 3]},${(rand() * 900 + 10).toFixed(2)},${Math.floor(rand() * 40)},2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},${i % 9 === 0 ? '' : `note ${i % 1000}`},${churned},${score.toFixed(3)}`,
    );
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
