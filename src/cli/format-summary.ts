import type { DatasetSummary } from '../shared/domain';

const int = new Intl.NumberFormat('en-US');
const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

/** The readable summary the CLI prints by default. */
export function formatCheckSummary(d: DatasetSummary): string {
  const nameWidth = Math.max(6, ...d.columns.map((c) => c.name.length));
  const lines = [
    `${d.source.fileName}: ${int.format(d.rows)} rows × ${int.format(d.columns.length)} columns`,
    '',
    `${'column'.padEnd(nameWidth)}  ${'type'.padEnd(6)}  ${'missing'.padStart(9)}  ${'share'.padStart(6)}`,
    ...d.columns.map(
      (c) =>
        `${c.name.padEnd(nameWidth)}  ${c.type.padEnd(6)}  ${int.format(c.missing).padStart(9)}  ${pct(c.missing, d.rows).padStart(6)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
