/**
 * The model card / datasheet: a document assembled from the project — what the person wrote
 * (intended use, out of scope, data description, owner, known limitations) and what was measured
 * (key figures with intervals, groups examined and gaps found, weak slices, data and privacy
 * issues), with the run's provenance and a section mapping the evidence to the NIST AI RMF 1.0
 * functions (Govern, Map, Measure, Manage) for a governance review. Plain data: rendered to
 * Markdown and HTML by model-card-render.ts, escaped there.
 */
import { modelCardTextSchema, type ModelCardText } from './text-schema';
import type { AuditEntry } from '../domain';
import { textFor } from '../text/en';
import { formatCount, formatShare } from '../text/format';
import type { CheckReport } from '../report/check-report';
import { metricValue } from '../report/metric-value';
import { keyFigureRows } from '../export/report-view';
import { prepareReport, type PersonalDataPolicy } from '../export/privacy';

export { modelCardTextSchema, type ModelCardText };

export interface CardSection {
  title: string;
  paragraphs: string[];
  /** A table: header row, then rows (all plain text). */
  table?: { head: string[]; rows: string[][] };
  bullets?: string[];
}

export interface ModelCard {
  title: string;
  subtitle: string;
  sections: CardSection[];
}

/** What an unwritten field says, naming the command-line option that fills it. */
const notWritten = (flag: string): string => `Not written yet (the person responsible can add it: slicewise card … --${flag} "…").`;

function fairnessSection(report: CheckReport): CardSection {
  const by = report.fairness ?? null;
  if (!by || Object.keys(by).length === 0) {
    const reason = typeof report.fairness_summary?.reason === 'string' ? report.fairness_summary.reason : 'Fairness across groups was not measured.';
    return { title: 'Groups examined and gaps found', paragraphs: [reason] };
  }
  const rows: string[][] = [];
  for (const [key, raw] of Object.entries(by)) {
    const k = raw as Record<string, unknown>;
    const dp = k.demographic_parity_difference as { value: number | null; high_group: string | null; low_group: string | null } | undefined;
    const ratio = metricValue(k.demographic_parity_ratio);
    const eo = metricValue(k.equalized_odds_difference);
    const tests = (k.tests as { metric: string; p_value: number; q_value: number | null; significant: boolean | null }[] | undefined) ?? [];
    const dpTest = tests.find((t) => t.metric === 'selection_rate');
    const excluded = (k.excluded_groups as string[] | undefined) ?? [];
    rows.push([
      key.split('+').join(' × '),
      String(((k.groups as unknown[]) ?? []).length),
      dp?.value === null || dp?.value === undefined ? '—' : `${formatShare(dp.value)} (${dp.high_group} vs ${dp.low_group})`,
      ratio === null ? '—' : ratio.toFixed(2),
      eo === null ? '—' : formatShare(eo),
      dpTest ? (dpTest.significant ? `unlikely to be chance (q ${dpTest.q_value === null ? '—' : dpTest.q_value < 0.001 ? '< 0.001' : dpTest.q_value.toFixed(3)})` : 'could be chance') : 'not tested',
      excluded.length ? excluded.join(', ') : 'none',
    ]);
  }
  return {
    title: 'Groups examined and gaps found',
    paragraphs: [
      'For each sensitive column and combination: the gap in how often each group is chosen (demographic parity difference, and the ratio — the four-fifths rule flags ratios below 0.8), the equalized odds difference, and whether the gap could be chance after allowing for every gap tested (Benjamini–Hochberg). A gap is a reason to look closer, not proof of discrimination.',
    ],
    table: { head: ['Compared by', 'Groups', 'Selection-rate gap', 'Ratio', 'Equalized odds diff.', 'Chance?', 'Too small to judge'], rows },
  };
}

function slicesSection(report: CheckReport): CardSection {
  const slices = (report.slices ?? []) as { description: string; size: number; error: { value: number | null }; error_outside: { value: number | null }; q_value: number }[];
  if (report.slices === null || report.slices === undefined) return { title: 'Where the model does worst', paragraphs: [typeof report.slices_summary?.reason === 'string' ? report.slices_summary.reason : 'Not searched.'] };
  if (slices.length === 0) return { title: 'Where the model does worst', paragraphs: ['No group of rows stood out after allowing for the many combinations searched (false discovery rate 5%).'] };
  return {
    title: 'Where the model does worst',
    paragraphs: [`The ${Math.min(5, slices.length)} strongest of ${slices.length} weak slices found (significant after Benjamini–Hochberg):`],
    table: {
      head: ['Rows where', 'Rows', 'Error in slice', 'Error elsewhere'],
      rows: slices.slice(0, 5).map((s) => [s.description, formatCount(s.size), s.error.value === null ? '—' : formatShare(s.error.value), s.error_outside.value === null ? '—' : formatShare(s.error_outside.value)]),
    },
  };
}

/** Assembles the card. Personal data is masked as in every export unless `personalData` is 'include'. */
export function buildModelCard(args: {
  projectName: string;
  report: CheckReport;
  text: ModelCardText;
  audit?: readonly AuditEntry[];
  rules?: readonly string[];
  personalData?: PersonalDataPolicy;
  generatedAt?: Date;
}): ModelCard {
  const { report: masked, disclosure } = prepareReport(args.report, args.personalData ?? 'mask');
  const report = masked;
  const t = args.text;
  const run = report.run;
  const issues = (report.findings ?? []).filter((f) => f.status === 'issue');
  const notEnough = (report.findings ?? []).filter((f) => f.status === 'not-enough-data');
  const figures = keyFigureRows(report);
  const roles = run?.roles;
  const sensitive = roles ? Object.keys(roles.sensitive) : [];
  const privacyCols = disclosure.columns.map((c) => c.column);
  const autoLimits = [
    ...notEnough.map((f) => textFor(f).headline(f)),
    ...issues.filter((f) => f.check === 'model.excluded-rows' || f.check === 'quality.target-leakage').map((f) => textFor(f).headline(f)),
    ...(report.performance ? [] : ['The model’s results were not checked (no outcome with a prediction or score).']),
    ...(sensitive.length ? [] : ['No column was marked as describing people, so fairness across groups was not measured.']),
  ];
  const sections: CardSection[] = [
    {
      title: 'Model details',
      paragraphs: [],
      table: {
        head: ['', ''],
        rows: [
          ['Owner', t.owner || 'Not written yet.'],
          ['Checked with', `Slicewise ${report.generated_by.version} (report format ${report.schema_version})`],
          ['Check-up', run ? `number ${run.id ?? '—'}, ${run.started_at}` : '—'],
          ['Task', report.performance?.task ? String(report.performance.task) : (roles?.task ?? 'not set')],
        ],
      },
    },
    { title: 'Intended use', paragraphs: [t.intendedUse || notWritten('intended-use')] },
    { title: 'Out of scope', paragraphs: [t.outOfScope || notWritten('out-of-scope')] },
    {
      title: 'Data',
      paragraphs: [t.dataDescription || notWritten('data-description')],
      table: {
        head: ['', ''],
        rows: [
          ['File', report.source.file_name],
          ['SHA-256', report.source.sha256],
          ['Size, modified', `${formatCount(report.source.size_bytes)} bytes, ${report.source.modified_at}`],
          ['Rows × columns', `${formatCount(report.dataset.rows)} × ${formatCount(report.dataset.columns.length)}`],
          ['Outcome / prediction / score', `${roles?.target ?? '—'} / ${roles?.prediction ?? '—'} / ${roles?.score ?? '—'}`],
          ['Sensitive columns', sensitive.length ? sensitive.join(', ') : 'none marked'],
          ['Personal data found', privacyCols.length ? privacyCols.join(', ') : 'none'],
        ],
      },
    },
    {
      title: 'Measured results',
      paragraphs: figures.length ? ['Each figure with the range where the true value very likely (95%) lies.'] : ['The model was not checked.'],
      ...(figures.length ? { table: { head: ['Measure', 'Value', 'Likely range'], rows: figures.map((r) => [`${r.name} (${r.technical})`, r.value ?? `undefined: ${r.reason ?? ''}`, r.range ?? '—']) } } : {}),
    },
    fairnessSection(report),
    slicesSection(report),
    {
      title: 'Data quality and privacy',
      paragraphs: [`${formatCount(issues.length)} findings to look at: ${Object.entries(report.summary?.by_severity ?? {}).map(([s, n]) => `${n} ${s}`).join(', ') || 'none'}.`, disclosure.statement],
      bullets: issues.filter((f) => f.category === 'quality' || f.category === 'privacy').slice(0, 8).map((f) => `[${f.severity}] ${textFor(f).headline(f)}`),
    },
    { title: 'Limitations', paragraphs: [t.limitations || 'The person responsible has not written the known limitations yet.'], bullets: autoLimits },
    {
      title: 'Mapping to the NIST AI Risk Management Framework (AI RMF 1.0)',
      paragraphs: ['Where the evidence in this card supports each function of the framework. The mapping helps a governance review; it is not a certification.'],
      table: {
        head: ['Function', 'What this project provides'],
        rows: [
          ['Govern', `Named owner (${t.owner ? 'written' : 'missing'}); an audit trail of ${formatCount(args.audit?.length ?? 0)} recorded imports, role changes, runs and exports; versions and file fingerprints for every run.`],
          ['Map', `Intended use and out-of-scope uses (${t.intendedUse ? 'written' : 'missing'}); data description (${t.dataDescription ? 'written' : 'missing'}); sensitive columns named (${sensitive.length}); personal data located (${privacyCols.length} columns).`],
          ['Measure', `Performance and calibration with intervals; fairness across ${Object.keys(report.fairness ?? {}).length} groupings with chance tests; ${(report.slices ?? []).length} weak slices under false-discovery-rate control; ${formatCount((report.findings ?? []).length)} findings in all.`],
          ['Manage', `${formatCount(issues.length)} findings with what to do, ranked by severity; alert rules over the run history (${args.rules?.length ? args.rules.join('; ') : 'none set'}); CI gates available (slicewise check --fail-on …).`],
        ],
      },
    },
    {
      title: 'Provenance',
      paragraphs: [],
      table: {
        head: ['', ''],
        rows: [
          ['Generated', (args.generatedAt ?? new Date()).toISOString()],
          ['Roles', roles ? JSON.stringify(roles) : '—'],
          ['Options', run ? JSON.stringify(run.options) : '—'],
        ],
      },
    },
  ];
  return { title: `Model card: ${args.projectName}`, subtitle: `Assembled by Slicewise from check-up ${run?.id ?? '—'} of ${report.dataset.name}`, sections };
}
