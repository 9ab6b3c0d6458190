/**
 * Privacy by default inside the report too: when the privacy checks found personal data in a
 * column, every other finding about that column shows its example values masked (the quality
 * checks quote raw values, e.g. the first values of a high-cardinality column).
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
    const kinds = f.columns.map((c) => personal.get(c)).filter((k): k is PiiKind => k !== undefined);
    if (kinds.length === 0) return f;
    const kind = kinds[0]!;
    const numbers = { ...f.numbers };
    for (const key of VALUE_FIELDS) {
      const v = numbers[key];
      if (typeof v === 'string') numbers[key] = maskText(kind, v);
    }
    return { ...f, numbers, ...(f.examples ? { examples: f.examples.map((e) => maskText(kind, e)) } : {}) };
  });
}
