/**
 * A glossary entry: one per check and per measure, written for a reader with no statistics. The
 * worked example is computed from the person's own stored results; it returns null (never a
 * made-up number) when those results do not hold the numbers it needs.
 */
import type { ModelComparisonDocument } from '../../../models/document';
import type { CheckReport } from '../../../report/check-report';
import type { DriftReport } from '../../../report/drift-report';

/**
 * What a worked example is computed from: a check-up report (the usual case), a comparison of two
 * batches, or a comparison of two models — whichever screen the person is looking at.
 */
export type GlossaryReport = CheckReport | DriftReport | ModelComparisonDocument;

/** How the index groups the entries. */
export type GlossaryKind = 'check' | 'measure' | 'fairness' | 'certainty' | 'change';

export interface GlossaryEntry {
  /** Stable id: a check id ("quality.missing-values") or a kebab-case name ("demographic-parity-ratio"). */
  id: string;
  kind: GlossaryKind;
  /** The plain name, e.g. "Right calls". */
  term: string;
  /** The usual (jargon) name, e.g. "accuracy". */
  technical: string;
  /** What it is, in plain words; no statistics knowledge assumed. */
  what: string;
  /** When it misleads. */
  misleads: string;
  /** The exact published definition (as scikit-learn, fairlearn or scipy define it). */
  definition?: string;
  /** Ids of related entries (each one exists: a test checks it). */
  related: readonly string[];
  /** The entry worked out on the person's own data, or null when the report does not have the numbers. */
  example(report: GlossaryReport): string | null;
}
