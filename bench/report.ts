/**
 * The benchmark's table: one row per stage with Slicewise's and DuckDB's median seconds, their
 * ratio, throughput, peak RSS and the target from the issues (#3, #4, #5, #6, #9), met or not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckdbMeasures } from './duckdb-side';
import { median, type StageMeasure } from './measure';
import type { CheckupPart, SlicewiseMeasures } from './slicewise-side';

type Target = { kind: 'ratio'; max: number; source: string } | { kind: 'seconds'; max: number; source: string } | null;

export interface TableRow {
  stage: string;
  slicewise: number | null;
  duckdb: number | null;
  ratio: number | null;
  rowsPerSecond: number | null;
  mbPerSecond: number | null;
  peakRssMbSlicewise: number | null;
  peakRssMbDuckdb: number | null;
  target: string;
  met: boolean | null;
}

export interface Sizes {
  rows: number;
  csvBytes: number;
  parquetBytes: number;
  driftedCsvBytes: number;
}

const med = (m: StageMeasure | undefined): number | null => (m && m.seconds.length ? median(m.seconds) : null);
const rss = (m: StageMeasure): number | null => (Number.isFinite(m.peakRssMb) ? m.peakRssMb : null);

function row(stage: string, sw: number | null, duck: number | null, work: { rows: number; bytes: number }, rss: [number | null, number | null], target: Target): TableRow {
  const ratio = sw !== null && duck !== null && duck > 0 ? sw / duck : null;
  const met = !target || sw === null ? null : target.kind === 'ratio' ? (ratio === null ? null : ratio <= target.max) : sw <= target.max;
  return {
    stage,
    slicewise: sw,
    duckdb: duck,
    ratio,
    rowsPerSecond: sw ? work.rows / sw : null,
    mbPerSecond: sw ? work.bytes / 1e6 / sw : null,
    peakRssMbSlicewise: rss[0],
    peakRssMbDuckdb: rss[1],
    target: !target ? '—' : target.kind === 'ratio' ? `≤ ${target.max}× (${target.source})` : `≤ ${target.max} s (${target.source})`,
    met,
  };
}

export function buildTable(sw: SlicewiseMeasures, duck: DuckdbMeasures, reopen: { shown: StageMeasure; full: StageMeasure }, s: Sizes): TableRow[] {
  const part = (...parts: CheckupPart[]): number => median(sw.checkupParts.quality.map((_, r) => parts.reduce((t, p) => t + sw.checkupParts[p][r]!, 0)));
  const sum = (...ms: StageMeasure[]): number => ms.reduce((t, m) => t + median(m.seconds), 0);
  const csv = { rows: s.rows, bytes: s.csvBytes };
  const duckCheckup = sum(duck.quality, duck.model, duck.fairness, duck.slices);
  const duckRss = (...ms: StageMeasure[]): number => Math.max(...ms.map((m) => m.peakRssMb));
  return [
    row('import CSV', med(sw.importCsv), med(duck.importCsv), csv, [sw.importCsv.peakRssMb, duck.importCsv.peakRssMb], { kind: 'ratio', max: 2, source: '#3 #9' }),
    row('import Parquet', med(sw.importParquet), med(duck.importParquet), { rows: s.rows, bytes: s.parquetBytes }, [rss(sw.importParquet), duck.importParquet.peakRssMb], null),
    row('check-up, end to end', med(sw.checkup), duckCheckup, csv, [sw.checkup.peakRssMb, duckRss(duck.quality, duck.model, duck.fairness, duck.slices)], { kind: 'seconds', max: 15, source: '#9' }),
    row('  part 1: qual+priv+model', part('quality', 'privacy', 'model'), sum(duck.quality, duck.model), csv, [null, null], { kind: 'ratio', max: 2, source: '#4' }),
    row('  quality profile', part('quality'), sum(duck.quality), csv, [null, duck.quality.peakRssMb], { kind: 'ratio', max: 2, source: '#9' }),
    row('  privacy', part('privacy'), null, csv, [null, null], null),
    row('  performance+calibr.', part('model'), sum(duck.model), csv, [null, duck.model.peakRssMb], null),
    row('  fairness (groups)', part('fairness'), sum(duck.fairness), csv, [null, duck.fairness.peakRssMb], { kind: 'ratio', max: 1.5, source: '#5 #9' }),
    row('  slices, depth 2', part('slices'), sum(duck.slices), csv, [null, duck.slices.peakRssMb], { kind: 'seconds', max: 10, source: '#5' }),
    row('drift (2 batches)', med(sw.drift), med(duck.drift), { rows: 2 * s.rows, bytes: s.csvBytes + s.driftedCsvBytes }, [rss(sw.drift), duck.drift.peakRssMb], { kind: 'ratio', max: 2, source: '#6' }),
    row('reopen, data shown', med(reopen.shown), null, csv, [reopen.shown.peakRssMb, null], { kind: 'seconds', max: 1, source: '#3 #9' }),
    row('reopen, all columns', med(reopen.full), null, csv, [reopen.full.peakRssMb, null], null),
    row('HTML export', med(sw.htmlExport), null, csv, [rss(sw.htmlExport), null], null),
  ];
}

const pad = (s: string, n: number, left = false): string => (left ? s.padEnd(n) : s.padStart(n));
const num = (n: number | null, d: number): string => (n === null || !Number.isFinite(n) ? '—' : n.toFixed(d));
const big = (n: number | null): string => (n === null || !Number.isFinite(n) ? '—' : Math.round(n).toLocaleString('en-US'));

/** The stages that could not be measured, with why. */
export function failures(sw: SlicewiseMeasures): string[] {
  const stages: [string, StageMeasure][] = [['import Parquet', sw.importParquet], ['drift', sw.drift], ['HTML export', sw.htmlExport]];
  return stages.filter(([, m]) => m.error).map(([name, m]) => `${name}: ${m.error}`);
}

export function printTable(rows: TableRow[], print: (s: string) => void): void {
  const head = [pad('stage', 26, true), pad('Slicewise s', 11), pad('DuckDB s', 9), pad('ratio', 6), pad('rows/s', 11), pad('MB/s', 6), pad('RSS SW MB', 9), pad('RSS DDB MB', 10), ' ', pad('target', 16, true), 'met'];
  print(head.join(' '));
  for (const r of rows) {
    print(
      [
        pad(r.stage, 26, true), pad(num(r.slicewise, 2), 11), pad(num(r.duckdb, 2), 9), pad(r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`, 6),
        pad(big(r.rowsPerSecond), 11), pad(num(r.mbPerSecond, 1), 6), pad(big(r.peakRssMbSlicewise), 9), pad(big(r.peakRssMbDuckdb), 10), ' ',
        pad(r.target, 16, true), r.met === null ? '—' : r.met ? 'met' : 'NOT met',
      ].join(' '),
    );
  }
}

/** Writes the run as bench/results/<time>-<rows>.json (the folder is gitignored). */
export function writeResults(dir: string, rows: number, doc: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${rows}.json`);
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  return file;
}
