import type { DatasetSummary } from '../shared/domain';
import type { GateResult } from '../shared/gates/gates';
import type { CheckReport } from '../shared/report/check-report';
import { textFor } from '../shared/text/en';
import { formatCount } from '../shared/text/format';

const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

/** The readable summary the CLI prints by default: the table, the roles used, then the findings. */
export function formatCheckSummary(d: DatasetSummary, report?: CheckReport): string {
  const nameWidth = Math.max(6, ...d.columns.map((c) => c.name.length));
  const lines = [
    `${d.source.fileName}: ${formatCount(d.rows)} rows × ${formatCount(d.columns.length)} columns`,
    '',
    `${'column'.padEnd(nameWidth)}  ${'type'.padEnd(8)}  ${'missing'.padStart(9)}  ${'share'.padStart(6)}`,
    ...d.columns.map(
      (c) => `${c.name.padEnd(nameWidth)}  ${c.type.padEnd(8)}  ${formatCount(c.missing).padStart(9)}  ${pct(c.missing, d.rows).padStart(6)}`,
    ),
  ];
  if (report?.run && report.summary && report.findings) {
    const r = report.run.roles;
    const sensitive = Object.keys(r.sensitive);
    const classScores = Object.values(r.classScores);
    const score = r.score !== null || classScores.length === 0 ? `score ${r.score ?? '(none)'}` : `scores per class ${classScores.join(', ')}`;
    lines.push(
      '',
      `Roles: outcome ${r.target ?? '(none)'}${r.positiveClass ? ` (positive: ${r.positiveClass})` : ''}, prediction ${r.prediction ?? '(none)'}, ${score}` +
        `${sensitive.length ? `, sensitive ${sensitive.join(', ')}` : ''}`,
      '',
      `${formatCount(report.summary.issues)} thing${report.summary.issues === 1 ? '' : 's'} need attention, ${formatCount(report.summary.passed)} check${report.summary.passed === 1 ? '' : 's'} passed.`,
    );
    for (const f of report.findings.filter((x) => x.status === 'issue')) lines.push(`  [${f.severity}] ${textFor(f).headline(f)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The gates' verdicts, one line each (empty when no gate was asked for). */
export function formatGates(gates: readonly GateResult[]): string {
  if (gates.length === 0) return '';
  const failed = gates.filter((g) => !g.passed).length;
  const lines = ['', failed ? `Gates: ${failed} of ${gates.length} failed.` : `Gates: all ${gates.length} held.`];
  for (const g of gates) lines.push(`  ${g.passed ? 'ok  ' : 'FAIL'} ${g.message}`);
  return `${lines.join('\n')}\n`;
}
