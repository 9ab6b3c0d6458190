/**
 * The loan examples: realistic, entirely synthetic tables of loan applications with a vendor's
 * score and decision, with problems planted on purpose so the check-up has something to find.
 *   - loan-applications.csv: the 2025 applications (the first example);
 *   - loan-applications-2026.csv: a later batch of the same kind, for "what changed?" and for
 *     comparing the vendor's model with a retrained one (vendor_score_v2, vendor_decision_v2).
 * Every planted problem is listed in resources/examples/README.md.
 */
import { Rng } from '../lib/random';
import { exampleFile, type ExampleFile } from './example-file';

const FIRST = ['Maria', 'James', 'Aisha', 'Wei', 'Lucas', 'Sofia', 'Omar', 'Emma', 'Noah', 'Fatima', 'Liam', 'Chloe', 'Mateo', 'Yuki', 'Priya', 'Jonas'];
const LAST = ['Garcia', 'Smith', 'Khan', 'Chen', 'Müller', 'Rossi', 'Haddad', 'Brown', 'Okafor', 'Nowak', 'Silva', 'Dubois', 'Kim', 'Patel', 'Jensen', 'Lopez'];
const REGIONS = [['North', 0.3], ['South', 0.25], ['East', 0.25], ['West', 0.2]] as const;
const EMPLOYMENT = [['salaried', 0.6], ['self-employed', 0.2], ['part-time', 0.12], ['unemployed', 0.08]] as const;
const PURPOSE = ['car', 'home improvement', 'debt consolidation', 'education', 'medical', 'small business'];

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
/** 2025 → 2052: the last two digits swapped, as a typing slip would. */
const swappedYear = (year: number): string => {
  const y = String(year);
  return `${y.slice(0, 2)}${y[3]}${y[2]}`;
};
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** What differs between the two batches. */
interface Batch {
  file: string;
  seed: number;
  rows: number;
  year: number;
  /** Applications run from January to the end of this month (the later batch stops in October 2026, before it was shipped, so none of its real dates lie in the future). */
  lastMonth: number;
  regions: readonly (readonly [string, number])[];
  /** Mean of log(annual income). */
  logIncome: number;
  /** Added to the log-odds of repaying: the world changed (prices rose faster than incomes); the vendor's model did not. */
  riskShift: number;
  /** Added for self-employed applicants only. */
  selfEmployedRisk: number;
  /** Adds a retrained model's score and decision. */
  retrained: boolean;
  duplicates: number;
}

const BATCHES: Batch[] = [
  { file: 'loan-applications.csv', seed: 20261127, rows: 2000, year: 2025, lastMonth: 12, regions: REGIONS, logIncome: 10.7, riskShift: 0, selfEmployedRisk: 0, retrained: false, duplicates: 24 },
  {
    file: 'loan-applications-2026.csv',
    seed: 20260301,
    rows: 1500,
    year: 2026,
    lastMonth: 10,
    // A new sales channel: applications from the web, a region the 2025 data never had.
    regions: [['North', 0.24], ['South', 0.2], ['East', 0.2], ['West', 0.16], ['Online', 0.2]],
    logIncome: 10.85,
    riskShift: -0.5,
    selfEmployedRisk: -1.5,
    retrained: true,
    duplicates: 6,
  },
];

function makeRows(b: Batch): string[][] {
  const rng = new Rng(b.seed);
  const rows: string[][] = [];
  for (let i = 0; i < b.rows; i++) {
    const sex = rng.weighted([['female', 0.48], ['male', 0.5], ['non-binary', 0.02]] as const);
    const age = Math.round(Math.min(80, Math.max(18, rng.normal(41, 12))));
    let region: string = rng.weighted(b.regions);
    const employment = rng.weighted(EMPLOYMENT);
    const income = Math.round(Math.exp(rng.normal(b.logIncome, 0.45)) / 100) * 100;
    const loan = Math.round((income * (0.1 + rng.uniform() * 0.5)) / 50) * 50;
    const historyYears = Math.max(0, Math.min(age - 18, Math.round(rng.normal(age / 3, 4))));
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    // Drawn from 1–12 in every batch (so the random sequence, and every other column, stays the same), then squeezed into the batch's months.
    const month = Math.ceil((rng.int(1, 12) * b.lastMonth) / 12);
    const day = rng.int(1, 28);
    let date = `${b.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

    // What really happened: repayment depends on income, loan size, history and employment.
    const risk =
      0.9 +
      0.9 * Math.log(income / 45000) -
      2.2 * (loan / income - 0.35) +
      0.06 * historyYears -
      (employment === 'unemployed' ? 1.4 : employment === 'part-time' ? 0.5 : 0);
    const truth = risk + b.riskShift + (employment === 'self-employed' ? b.selfEmployedRisk : 0);
    const repaid = rng.chance(logistic(truth)) ? 1 : 0;

    // The vendor's score: informative, but over-confident, and it marks women down at the same risk.
    const vendorLogit = 1.6 * risk - 1.3 + (sex === 'female' ? -0.55 : 0) + rng.normal(0, 0.6);
    const score = round2(logistic(vendorLogit));
    const decision = score >= 0.5 ? 'approved' : 'declined';
    // The retrained model saw the new world and no longer marks women down, but it was trained on
    // few older applicants: for age 60+ it is mostly noise.
    // (Drawn only for that batch, so the first example's bytes do not depend on it.)
    const score2 = b.retrained ? round2(logistic(age >= 60 ? 0.2 + rng.normal(0, 1.2) : truth + rng.normal(0, 0.3))) : 0;
    // Leaks the outcome: only filled in after a loan went bad.
    const collections = repaid === 0 ? (rng.chance(0.97) ? 'yes' : 'no') : rng.chance(0.01) ? 'yes' : 'no';

    // Planted quality problems.
    let incomeCell: string = String(income);
    if (rng.chance(0.06)) incomeCell = rng.pick(['', 'NA', 'n/a', 'unknown']);
    let ageCell = String(age);
    if (i % 397 === 13) ageCell = String(-age); // impossible: negative age
    if (i === 1234) ageCell = '212';
    if (rng.chance(0.04)) region = rng.pick(['north ', 'N.', 'south', 'SOUTH ', 'East.']);
    // A date in the future: the year typed with its last two digits swapped (2052 for 2025), far
    // enough ahead that it stays in the future for as long as the example ships.
    if (i % 450 === 7) date = `${swappedYear(b.year)}${date.slice(4)}`;
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
      ...(b.retrained ? [score2.toFixed(2), score2 >= 0.5 ? 'approved' : 'declined'] : []),
    ]);
  }
  // Exact duplicates (an export that ran twice for some rows) and a re-used id.
  for (let k = 0; k < b.duplicates; k++) rows.push([...rows[k * 61]!]);
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

/** Both loan files, in the order examples.json lists them. */
export function loanExamples(): ExampleFile[] {
  return BATCHES.map((b) => exampleFile(b.file, b.retrained ? [...HEADER, 'vendor_score_v2', 'vendor_decision_v2'] : HEADER, makeRows(b)));
}
