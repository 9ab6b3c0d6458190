import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { renderHtml, renderJson, renderMarkdown, renderFlaggedRowsCsv } from '../../../../src/shared/export';
import { LEFT_OUT, disclose, personalColumns, prepareReport, type PersonalDataPolicy } from '../../../../src/shared/export/privacy';
import type { CheckReport } from '../../../../src/shared/report/check-report';
import { REPO, hostileRun, loanRun, valuesOf, type FixtureRun } from './fixtures';
import { finding, reportWith } from './synthetic';

const ECHARTS = readFileSync(join(REPO, 'node_modules/echarts/dist/echarts.min.js'), 'utf8');

/** Every export of a run under one policy, as text. */
function everyExport(run: FixtureRun, personalData: PersonalDataPolicy): { html: string; md: string; json: string; csv: string } {
  return {
    html: renderHtml(run.report, { echartsScript: ECHARTS, personalData }),
    md: renderMarkdown(run.report, { personalData }),
    json: renderJson(run.report, { personalData }).json,
    csv: renderFlaggedRowsCsv(run.report, run.table, { personalData }).csv,
  };
}

/** Values of the personal-data columns long enough to be recognisable (short ones like "Li" occur by chance). */
function personalValues(run: FixtureRun): string[] {
  return personalColumns(run.report).flatMap((p) => valuesOf(run.table, p.column).filter((v) => v.length >= 6));
}

function leaks(text: string, values: readonly string[]): string[] {
  // JSON escapes some characters; compare against both forms.
  return values.filter((v) => text.includes(v) || text.includes(JSON.stringify(v).slice(1, -1)));
}

describe('personal data on export', () => {
  const loan = loanRun();

  test('the personal-data columns come from the privacy findings, with their kinds', () => {
    assert.deepEqual(personalColumns(loan.report), [
      { column: 'email', kinds: ['email'], holds: true },
      { column: 'phone', kinds: ['phone'], holds: true },
      { column: 'applicant_name', kinds: ['person-name'], holds: true },
    ]);
    const partial = personalColumns(hostileRun().report).find((p) => p.column === 'note');
    assert.deepEqual(partial, { column: 'note', kinds: ['phone'], holds: false }, 'a column where only some values look personal counts too');
  });

  for (const policy of ['mask', 'drop'] as const) {
    test(`'${policy}': no value of a personal-data column appears in any export (HTML, Markdown, JSON, CSV)`, () => {
      for (const run of [loan, hostileRun()]) {
        const values = personalValues(run);
        assert.ok(values.length > 100, 'the fixture has personal values to look for');
        for (const [format, text] of Object.entries(everyExport(run, policy))) assert.deepEqual(leaks(text, values), [], `${format} leaks`);
      }
    });
  }

  test("'include' (opted in): the CSV holds the real values; the report exports stay as the app shows them", () => {
    const exports = everyExport(loan, 'include');
    assert.ok(exports.csv.includes('omar.muller69@example.com'));
    assert.match(exports.csv, /^\uFEFFrow,reasons,application_id,applicant_name,email,phone,/);
    // The check-up itself masks example values, so even the opted-in report holds none in full.
    assert.deepEqual(leaks(exports.md, personalValues(loan)), []);
    assert.ok(exports.md.includes('At your request nothing more was masked'));
  });

  test("'drop': personal columns are left out of the CSV and their examples out of the report", () => {
    const exports = everyExport(loan, 'drop');
    const header = exports.csv.split('\r\n')[0]!;
    for (const c of ['email', 'phone', 'applicant_name']) assert.ok(!header.split(',').some((h) => h.startsWith(c)), `${c} in ${header}`);
    assert.ok(!exports.md.includes('@e******.com'), 'even masked e-mail examples are left out');
    assert.ok(exports.md.includes('were left out of this export'));
  });

  test('the export says what was masked', () => {
    const csv = renderFlaggedRowsCsv(loan.report, loan.table).csv;
    assert.match(csv, /applicant_name \(masked\),email \(masked\),phone \(masked\)/);
    assert.equal(
      disclose(loan.report, 'mask').statement,
      '3 columns look like personal data: “email” (e-mail addresses), “phone” (phone numbers) and “applicant_name” (people\'s names). Values from these columns are masked in this export: only the first and last letter or digit stay (for e-mail addresses, also the end of the domain).',
    );
    assert.match(disclose(loan.report, 'drop', 'csv').statement, /These columns were left out of this file\.$/);
    assert.match(disclose(loan.report, 'include', 'csv').statement, /At your request, their values are included in full\.$/);
    const clean = reportWith([finding({ id: 'privacy.personal-data:dataset', check: 'privacy.personal-data', category: 'privacy', status: 'passed', severity: 'info' })]);
    assert.equal(disclose(clean, 'mask').statement, 'No column looked like personal data, so nothing was masked.');
    assert.equal(disclose(reportWith([]), 'mask').statement, 'The privacy checks were not part of this check-up, so nothing was masked.');
  });

  test('what the check-up does not mask is masked on export: chart labels, groups, quoted extremes, histograms, evidence', () => {
    const privacy = finding({ id: 'privacy.email:email', check: 'privacy.email', category: 'privacy', columns: ['email'], numbers: { partial: false } });
    const spellings = finding({
      id: 'quality.inconsistent-spellings:email',
      check: 'quality.inconsistent-spellings',
      category: 'quality',
      columns: ['email'],
      numbers: { lowest: 'ann.lee@corp.example', firstGroup: '"a***@c***.example"' },
      groups: ['ann.lee@corp.example'],
      chart: { kind: 'bars', title: 'Spellings', labels: ['"Ann.Lee@corp.example"', '"ann.lee@corp.example "'], values: [3, 1], unit: 'count' },
    });
    const outliers = finding({
      id: 'quality.outliers:email',
      check: 'quality.outliers',
      category: 'quality',
      columns: ['email'],
      chart: { kind: 'histogram', title: 'Values', edges: [1, 2], counts: [3] },
    });
    const report: CheckReport = reportWith([privacy, spellings, outliers], { quality: { columns: [{ column: 'email', topValue: 'ann.lee@corp.example', topShare: 0.2 }] } });
    const masked = prepareReport(report, 'mask').report;
    const text = JSON.stringify(masked);
    assert.ok(!text.toLowerCase().includes('ann.lee@corp.example'), text);
    const s = masked.findings![1]!;
    assert.deepEqual(s.chart && s.chart.kind === 'bars' ? s.chart.labels : null, ['"A**.**e@c***.example"', '"a**.**e@c***.example"']);
    assert.equal(s.numbers.lowest, 'a**.**e@c***.example');
    assert.equal(s.numbers.firstGroup, '"a***@c***.example"', 'what the check-up masked is not masked twice');
    assert.equal(masked.findings![2]!.chart, undefined, 'a histogram of personal values is left out');
    const dropped = prepareReport(report, 'drop').report;
    assert.equal(dropped.findings![1]!.numbers.firstGroup, LEFT_OUT);
    assert.deepEqual(dropped.findings![1]!.groups, ['#1']);
    assert.equal(prepareReport(report, 'include').report, report, "'include' changes nothing");
  });
});

describe('a weak slice on a personal-data column', () => {
  const condition = { column: 'birth_date', op: '=' as const, value: '1961-04-12', label: 'birth_date = 1961-04-12', bin: { lower: -274060800000, upper: -273974400000 } };
  const other = { column: 'region', op: '=' as const, value: 'North', label: 'region = North' };
  const description = 'birth_date = 1961-04-12 & region = North';
  const privacy = finding({ id: 'privacy.birth-date:birth_date', check: 'privacy.birth-date', category: 'privacy', columns: ['birth_date'], numbers: { partial: false } });
  const slice = finding({
    id: `slices.weak:${description}`,
    check: 'slices.weak',
    category: 'slices',
    columns: ['birth_date', 'region'],
    numbers: { description },
    groups: [description],
    conditions: [condition, other],
    chart: { kind: 'bars', title: 'Error rate', labels: [description, 'Everyone else'], values: [0.4, 0.1], unit: 'share' },
  });
  const report = { ...reportWith([privacy, slice]), slices: [{ description, size: 40, conditions: [condition, other] }] } as unknown as CheckReport;

  for (const policy of ['mask', 'drop'] as const) {
    test(`'${policy}': the value is gone from the conditions, the description, the id, groups, chart labels and the slices section`, () => {
      const out = prepareReport(report, policy).report;
      const text = JSON.stringify(out);
      assert.ok(!text.includes('1961-04-12'), text);
      assert.ok(!text.includes('-274060800000'), 'the bin edges are a person\u2019s values too');
      const f = out.findings![1]!;
      assert.equal(f.conditions![1], other, 'a condition on another column is kept as it was');
      assert.ok(f.numbers.description && String(f.numbers.description).endsWith(' & region = North'));
      assert.equal(f.id, `slices.weak:${String(f.numbers.description)}`);
      if (policy === 'drop') assert.equal(f.conditions![0]!.label, `birth_date: ${LEFT_OUT}`);
    });
  }
});
