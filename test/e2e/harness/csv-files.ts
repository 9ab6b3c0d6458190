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

export interface JoinCsvs {
  dataset: string;
  predictions: string;
  /** Dataset ids with no prediction, predictions ids not in the dataset, the id given twice. */
  missing: string[];
  unknown: string[];
  repeated: string;
}

/**
 * A dataset (applicant_id, income, repaid; `rows` rows, ids 1..rows) and a predictions file
 * (applicant_id, score, decision) for it: three dataset rows have no prediction, two predictions
 * belong to no row, and one id has two predictions. Incomes never equal an id, so matching on
 * income finds nothing.
 */
export function writeJoinCsvs(dir: string, rows = 50): JoinCsvs {
  const missing = ['10', '20', '30'];
  const unknown = ['901', '902'];
  const repeated = '5';
  const data = ['applicant_id,income,repaid'];
  const preds = ['applicant_id,score,decision'];
  for (let i = 1; i <= rows; i++) {
    data.push(`${i},${30_000 + i * 250},${i % 3 === 0 ? 0 : 1}`);
    const score = ((i * 37) % 100) / 100;
    if (!missing.includes(String(i))) preds.push(`${i},${score.toFixed(2)},${score >= 0.5 ? 'approve' : 'decline'}`);
    if (String(i) === repeated) preds.push(`${i},0.99,approve`);
  }
  for (const id of unknown) preds.push(`${id},0.50,approve`);
  const dataset = join(dir, 'applicants.csv');
  const predictions = join(dir, 'predictions.csv');
  writeFileSync(dataset, `${data.join('\n')}\n`);
  writeFileSync(predictions, `${preds.join('\n')}\n`);
  return { dataset, predictions, missing, unknown, repeated };
}
