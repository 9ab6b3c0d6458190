/**
 * Privacy by default inside the report too: when the privacy checks found personal data in a
 * column, every other finding about that column shows its example values masked (the quality
 * checks quote raw values, e.g. the first values of a high-cardinality column).
 *
 * A finding is "about" a column when its subject (the part of its id after "check:") names it
 * (alone, or as one of a pair "a|b" / "a+b"), or when it has that one column. Findings about the
 * whole table (duplicate rows: "row 2001 repeats row 1") list every column but quote no values of
 * them, so they are left alone — masking them only garbled the row numbers.
 */
import type { Finding } from '../../findings/types';
import { PII_KINDS, type PiiKind } from './kinds';
import { maskValue } from './mask';

/** Number fields of quality findings that hold a cell value rather than a count. */
const VALUE_FIELDS = ['value', 'firstValue', 'firstGroup'];

function maskText(kind: PiiKind, text: string): string {
  // Example texts quote values ("…" (15), line 7: "…"); mask what is quoted, or the whole text.
  return /"[^"]*"/.test(text) ? text.replace(/"([^"]*)"/g, (_, inner: string) => `"${maskValue(kind, inner)}"`) : maskValue(kind, text);
}

export function maskPersonalExamples(findings: readonly Finding[]): Finding[] {
  const personal = new Map<string, PiiKind>();
  for (const f of findings) {
    if (f.category !== 'privacy' || f.status !== 'issue' || f.columns.length !== 1) continue;
    const kind = f.check.slice('privacy.'.length);
    if ((PII_KINDS as readonly string[]).includes(kind)) personal.set(f.columns[0]!, kind as PiiKind);
  }
  if (personal.size === 0) return [...findings];
  return findings.map((f) => {
    if (f.category === 'privacy') return f;
    const subject = f.id.slice(f.id.indexOf(':') + 1);
    const about = f.columns.length === 1 ? [f.columns[0]!] : [subject, ...subject.split(/[|+]/)];
    const kind = about.map((c) => personal.get(c)).find((k): k is PiiKind => k !== undefined);
    if (kind === undefined) return f;
    const numbers = { ...f.numbers };
    for (const key of VALUE_FIELDS) {
      const v = numbers[key];
      if (typeof v === 'string') numbers[key] = maskText(kind, v);
    }
    return { ...f, numbers, ...(f.examples ? { examples: f.examples.map((e) => maskText(kind, e)) } : {}) };
  });
}
