/**
 * Generates resources/examples/loan-applications.csv: a realistic, entirely synthetic table of loan
 * applications with a vendor's score and decision, with problems planted on purpose so the
 * check-up has something to find. Deterministic (seeded): running it again gives the same bytes.
 * Every planted problem is listed in resources/examples/README.md.
 *
 *   npx tsx scripts/generate-example.ts [--check]   (--check: fail if the shipped file differs)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng, csvField } from './lib/random';

const ROWS = 2000;
const SEED = 20261127;
const OUT = join(import.meta.dirname, '..', 'resources', 'examples', 'loan-applications.csv');

const FIRST = ['Maria', 'James', 'Aisha', 'Wei', 'Lucas', 'Sofia', 'Omar', 'Emma', 'Noah', 'Fatima', 'Liam', 'Chloe', 'Mateo', 'Yuki', 'Priya', 'Jonas'];
const LAST = ['Garcia', 'Smith', 'Khan', 'Chen', 'Müller', 'Rossi', 'Haddad', 'Brown', 'Okafor', 'Nowak', 'Silva', 'Dubois', 'Kim', 'Patel', 'Jensen', 'Lopez'];
const REGIONS = [['North', 0.3], ['South', 0.25], ['East', 0.25], ['West', 0.2]] as const;
const EMPLOYMENT = [['salaried', 0.6], ['self-employed', 0.2], ['part-time', 0.12], ['unemployed', 0.08]] as const;
const PURPOSE = ['car', 'home improvement', 'debt consolidation', 'education', 'medical', 'small business'];

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
const round2 = (x: number): number => Math.round(x * 100) / 100;

function makeRows(): string[][] {
  const rng = new Rng(SEED);
  const rows: string[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const sex = rng.weighted([['female', 0.48], ['male', 0.5], ['non-binary', 0.02]] as const);
    const age = Math.round(Math.min(80, Math.max(18, rng.normal(41, 12))));
    let region: string = rng.weighted(REGIONS);
    const employment = rng.weighted(EMPLOYMENT);
    const income = Math.round(Math.exp(rng.normal(10.7, 0.45)) / 100) * 100;
    const loan = Math.round((income * (0.1 + rng.uniform() * 0.5)) / 50) * 50;
    const historyYears = Math.max(0, Math.min(age - 18, Math.round(rng.normal(age / 3, 4))));
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    let date = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

    // What really happened: repayment depends on income, loan size, history and employment.
    const risk =
      0.9 +
      0.9 * Math.log(income / 45000) -
      2.2 * (loan / income - 0.35) +
      0.06 * historyYears -
      (employment === 'unemployed' ? 1.4 : employment === 'part-time' ? 0.5 : 0);
    const repaid = rng.chance(logistic(risk)) ? 1 : 0;

    // The vendor's score: informative, but over-confident, and it marks women down at the same risk.
    const vendorLogit = 1.6 * risk - 1.3 + (sex === 'female' ? -0.55 : 0) + rng.normal(0, 0.6);
    const score = round2(logistic(vendorLogit));
    const decision = score >= 0.5 ? 'approved' : 'declined';
    // Leaks the outcome: only filled in after a loan went bad.
    const collections = repaid === 0 ? (rng.chance(0.97) ? 'yes' : 'no') : rng.chance(0.01) ? 'yes' : 'no';

    // Planted quality problems.
    let incomeCell: string = String(income);
    if (rng.chance(0.06)) incomeCell = rng.pick(['', 'NA', 'n/a', 'unknown']);
    let ageCell = String(age);
    if (i % 397 === 13) ageCell = String(-age); // impossible: negative age
    if (i === 1234) ageCell = '212';
    if (rng.chance(0.04)) region = rng.pick(['north ', 'N.', 'south', 'SOUTH ', 'East.']);
    if (i % 450 === 7) date = '2027-03-01'; // a date in the future
    const email = `${first}.${last}${rng.int(1, 99)}@example.com`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const phone = `+1-555-${String(rng.int(100, 999))}-${String(rng.int(1000, 9999))}`;

    rows.push([
      `A${String(100000 + i)}`,
      `${first} ${last}`,
      email,
      phone,
      ageCell,
      sex,
      region,
      employment,
      rng.pick(PURPOSE),
      incomeCell,
      String(loan),
      String(historyYears),
      date,
      'USD',
      collections,
      String(repaid),
      score.toFixed(2),
      decision,
    ]);
  }
  // Exact duplicates (an export that ran twice for some rows) and a re-used id.
  for (let k = 0; k < 24; k++) rows.push([...rows[k * 61]!]);
  const reused = [...rows[500]!];
  reused[0] = rows[77]![0]!;
  rows[500] = reused;
  return rows;
}

const HEADER = [
  'application_id', 'applicant_name', 'email', 'phone', 'age', 'sex', 'region', 'employment',
  'purpose', 'annual_income', 'loan_amount', 'credit_history_years', 'application_date', 'currency',
  'sent_to_collections', 'repaid', 'vendor_score', 'vendor_decision',
];

const csv = [HEADER, ...makeRows()].map((r) => r.map(csvField).join(',')).join('\n') + '\n';

if (process.argv.includes('--check')) {
  const shipped = readFileSync(OUT, 'utf8');
  if (shipped !== csv) {
    console.error(`${OUT} differs from what the generator makes. Run: npx tsx scripts/generate-example.ts`);
    process.exit(1);
  }
  console.log('example is up to date');
} else {
  writeFileSync(OUT, csv);
  console.log(`wrote ${OUT} (${ROWS + 24} rows)`);
}
