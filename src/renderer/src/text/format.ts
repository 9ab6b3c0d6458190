/** Number and date formatting for display, in one place so every screen agrees. */
import { en } from './en';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export const formatCount = (n: number): string => integer.format(n);

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** "0%", "< 0.1%", "12.5%", "all": honest at both ends, never rounds a real gap to 0%. */
export function formatMissingShare(missing: number, rows: number): string {
  if (missing <= 0 || rows <= 0) return '0%';
  if (missing >= rows) return en.dataset.allMissing;
  const pct = (missing / rows) * 100;
  if (pct < 0.1) return en.dataset.lessThan;
  // Never show 100.0% for a column that still has a value.
  return `${Math.min(pct, 99.9).toFixed(1)}%`;
}

/** The file name without its extension, as a project name ("sales 2024.csv" → "sales 2024"). */
export function fileStem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  return stem.trim() || fileName;
}
