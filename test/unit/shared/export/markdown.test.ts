import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mdBlock, mdInline, renderMarkdown } from '../../../../src/shared/export/markdown';
import { personalColumns } from '../../../../src/shared/export/privacy';
import { sectionsOf } from '../../../../src/shared/export/report-view';
import { sectionName } from '../../../../src/shared/export/report-words-en';
import { textFor } from '../../../../src/shared/text/en';
import { IMG_VALUE, SCRIPT_COLUMN, hostileRun, loanRun, summaryParagraph } from './fixtures';
import type { CheckReport } from '../../../../src/shared/report/check-report';
import { everyCategoryReport, reportWith } from './synthetic';

describe('renderMarkdown', () => {
  const { report } = loanRun();
  const md = renderMarkdown(report);

  test('starts with the title and the one-paragraph summary (counts by status and by severity)', () => {
    const lines = md.split('\n');
    assert.equal(lines[0], '# What we found in loan-applications');
    assert.match(lines[2]!, /^_Check-up of Nov 27, 2026, 2:42 AM UTC · loan-applications\.csv · 2,024 rows × 18 columns_$/);
    assert.equal(lines[4], summaryParagraph(report));
    assert.match(lines[4]!, /^\d+ things need your attention, \d+ checks passed\. By how serious they are: \d+ high, \d+ medium, \d+ low, 1 note\.$/);
  });

  test('every finding is there with the app’s own words (textFor): severity, headline, why, what to do, confidence, figures', () => {
    for (const f of report.findings!.filter((x) => x.status !== 'passed')) {
      const t = textFor(f);
      assert.ok(md.includes(`**${mdInline(t.headline(f))}**`), `headline of ${f.id}`);
      if (t.why(f)) assert.ok(md.includes(`**Why it matters:** ${mdInline(t.why(f))}`), `why of ${f.id}`);
      if (t.action(f)) assert.ok(md.includes(`**What you can do:** ${mdInline(t.action(f))}`), `action of ${f.id}`);
      assert.ok(md.includes(`· ${mdInline(t.title)}\n`), `title of ${f.id}`);
    }
    assert.match(md, /### ▲ High · A column that gives the outcome away/);
    assert.match(md, /\*\*How sure we are:\*\* This is an exact count over 2,024 rows: no guesswork\./);
    assert.match(md, /\| Figure \| Value \|\n\| --- \| --- \|\n\| auc \| 0\.9828 \|/);
  });

  test('sections in the app’s order, then passed checks, provenance and what was masked', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(headings, [
      '## At a glance',
      ...sectionsOf(report).sections.map((x) => `## ${sectionName(x.category)}`),
      '## Checks that passed',
      '## Where this report comes from',
      '## Personal data in this report',
    ]);
    assert.deepEqual(headings.slice(1, 5), ['## Data quality', '## Privacy', '## Model performance', '## Calibration']);
    for (const f of report.findings!.filter((x) => x.status === 'passed')) assert.ok(md.includes(`- ✓ **${mdInline(textFor(f).title)}:** ${mdInline(textFor(f).headline(f))}`));
    assert.match(md, /\| SHA-256 fingerprint \| [0-9a-f]{64} \|/);
    assert.ok(md.includes(`| File name | loan-applications.csv |`));
    assert.ok(md.includes('| Made with | Slicewise 0.1.0-test |'));
    assert.ok(md.includes('| Report format version | 0.3.0 |'));
    assert.ok(md.includes('| Roles used: Outcome | repaid |'));
    assert.ok(md.includes('| Check-up started | Nov 27, 2026, 2:42 AM UTC |'));
    assert.match(md, /## Personal data in this report\n\n3 columns look like personal data: “email” \(e-mail addresses\), “phone” \(phone numbers\) and “applicant_name” \(people's names\)\. Values from these columns are masked/);
    assert.equal(personalColumns(report).length, 3);
  });

  test('the model’s key figures are a table with likely ranges', () => {
    assert.match(md, /### Key figures\n\nMeasured on 2,024 rows\./);
    assert.match(md, /\| Right calls \(accuracy\) \| 72% \| 70% – 75% \|/);
  });

  test('data never becomes markup: column names and values are escaped', () => {
    const hostile = renderMarkdown(hostileRun().report);
    assert.ok(!hostile.includes(SCRIPT_COLUMN), 'no raw script tag');
    assert.doesNotMatch(hostile, /(?<!\\)<[a-z/]/i, 'every "<" is escaped');
    assert.ok(hostile.includes('\\<script\\>alert(1)\\</script\\>'));
    assert.ok(hostile.includes(mdInline(IMG_VALUE)));
    assert.ok(hostile.includes('\\*\\*bold\\*\\*\\|pipe'), 'emphasis and table pipes escaped');
    // Every table row has as many unescaped pipes as its header.
    const tables = hostile.split('\n\n').filter((b) => b.startsWith('| '));
    for (const t of tables) {
      const counts = t.split('\n').map((l) => l.replace(/\\\|/g, '').split('|').length);
      assert.ok(counts.every((c) => c === counts[0]), t);
    }
  });

  test('escaping rules', () => {
    assert.equal(mdInline('a_b *c* [d](e) <f> x|y `z` ~w~ & _g_'), 'a_b \\*c\\* \\[d\\](e) \\<f\\> x\\|y \\`z\\` \\~w\\~ \\& \\_g\\_');
    assert.equal(mdInline('line\nbreak'), 'line break');
    assert.equal(mdBlock('# not a heading'), '\\# not a heading');
    assert.equal(mdBlock('1. not a list'), '1\\. not a list');
    assert.equal(mdBlock('- not a list'), '\\- not a list');
  });

  test('generic over categories: fairness, weak spots, drift and a newer category each get a section', () => {
    const out = renderMarkdown(everyCategoryReport());
    for (const h of ['## Fairness', '## Weak spots', '## Changes over time', '## tomorrow']) assert.ok(out.includes(`\n${h}\n`), h);
    assert.ok(out.includes('**What the chart shows (Rates by group (fairness)):** Chart of values with their likely ranges'));
  });
});

test('a checked section with nothing to look at is still shown, saying so', () => {
  const report = { ...reportWith([]), slices: [] } as CheckReport;
  assert.deepEqual(
    sectionsOf(report).sections.map((s) => s.category),
    ['quality', 'privacy', 'slices'],
  );
  assert.ok(renderMarkdown(report).includes('## Weak spots\n\n_Parts of the data where the model does worse._\n\nNothing to look at here'));
});
