/**
 * A check's glossary entry: its plain name and exact definition come from the finding texts (one
 * source: src/shared/text/en, the words the report and the CLI use); the entry adds what the check
 * is, when it misleads, and a worked example from the check's own finding in the report.
 */
import type { Finding } from '../../../findings/types';
import { plural } from '../../format';
import { findingTexts } from '../index';
import { mainFinding } from './read';
import type { GlossaryEntry, GlossaryKind, GlossaryReport } from './types';

export interface CheckSpec {
  technical: string;
  what: string;
  misleads: string;
  related: readonly string[];
  /** Rewrites the finding texts' definition (only where a word in it would read as a broken template). */
  definition?: (learnMore: string) => string;
  /** The check worked out on its finding; without it (or when it returns null) the finding's headline is used. */
  example?: (f: Finding, r: GlossaryReport) => string | null;
}

export function checkEntry(id: string, spec: CheckSpec, kind: GlossaryKind = 'check'): GlossaryEntry {
  const text = findingTexts[id];
  if (!text) throw new Error(`No finding texts for check ${id}: add them in src/shared/text/en before its glossary entry.`);
  return {
    id,
    kind,
    term: text.title,
    technical: spec.technical,
    what: spec.what,
    misleads: spec.misleads,
    ...(text.learnMore ? { definition: spec.definition ? spec.definition(text.learnMore) : text.learnMore } : {}),
    related: spec.related,
    example(r) {
      const f = mainFinding(r, id);
      if (!f) return null;
      const worked = f.status === 'issue' ? spec.example?.(f, r) : null;
      if (worked) return worked;
      // The finding's own headline carries its numbers; one without any gets the rows it looked at.
      const headline = text.headline(f);
      return /\d/.test(headline) ? `On your data: ${headline}` : `On your data (${plural(f.confidence.sampleSize, 'row')} checked): ${headline}`;
    },
  };
}
