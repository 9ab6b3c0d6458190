/**
 * Guesses what each column is for — the true outcome, the model's prediction, its score, who the
 * rows are about (sensitive attributes), ids, dates, free text — with a reason a person can read.
 * Guesses only: the roles screen asks the person to confirm or change every one.
 */
import type { ColumnKind } from '../table';
import {
  ID_WORDS,
  POSITIVE_VALUES,
  PREDICTION_WORDS,
  SCORE_WORDS,
  SENSITIVE_WORDS,
  SEX_VALUES,
  TARGET_WORDS,
  matchWords,
  normaliseName,
} from './vocabulary';
import { matchClassScores, quotedClasses } from './class-scores';

export type ColumnRole = 'target' | 'prediction' | 'score' | 'class-score' | 'sensitive' | 'id' | 'timestamp' | 'text' | 'feature';
export type Task = 'binary' | 'multiclass' | 'regression';

/** What the guesser needs to know about a column (see profileForRoles). */
export interface ColumnProfileLite {
  name: string;
  kind: ColumnKind;
  /** Present (non-missing) cells. */
  present: number;
  /** Distinct present values, or null when there are more than the profile counts. */
  distinct: number | null;
  /** Up to 50 distinct present values as text, most frequent first. */
  values: string[];
  min: number | null;
  max: number | null;
}

export interface ColumnRoleGuess {
  column: string;
  role: ColumnRole;
  reason: string;
  /** For sensitive columns: which protected characteristic (sex, age, race, …). */
  sensitiveKind?: string;
  /** For class-score columns: the class the column scores. */
  scoreClass?: string;
}

export interface RolesGuess {
  columns: ColumnRoleGuess[];
  target: string | null;
  prediction: string | null;
  score: string | null;
  classScores: Record<string, string>;
  positiveClass: string | null;
  task: Task | null;
  reasons: { target: string; prediction: string; score: string; positiveClass: string; task: string };
}

const isNumeric = (k: ColumnKind): boolean => k === 'integer' || k === 'decimal';
const inUnitInterval = (p: ColumnProfileLite): boolean => isNumeric(p.kind) && p.min !== null && p.max !== null && p.min >= 0 && p.max <= 1;
const CLASS_SCORE = /^(?:score|proba|prob|probability|p|pred proba)\s+(.+)$/;
/** The same on the name as written, for class parts the normalised name loses (letters outside a–z). */
const RAW_CLASS_SCORE = /^(?:score|proba|prob|probability|p|pred[\s_-]*proba)[\s_.:-]+(.+)$/i;

/** The class part of a per-class score column's name ("score_Red_Fox" → "red fox"), or null. */
function classPartOf(name: string, norm: string): string | null {
  const m = CLASS_SCORE.exec(norm) ?? RAW_CLASS_SCORE.exec(name.trim());
  return m ? m[1]! : null;
}

function sensitiveKindOf(p: ColumnProfileLite, norm: string): { kind: string; reason: string } | null {
  for (const [kind, words] of Object.entries(SENSITIVE_WORDS)) {
    const w = matchWords(norm, words);
    if (w) return { kind, reason: `Its name ("${p.name}") suggests ${kind.replace('_', ' ')}, a characteristic the law protects.` };
  }
  if (p.kind === 'category' || p.kind === 'boolean') {
    const known = p.values.filter((v) => SEX_VALUES.has(normaliseName(v).replace(/ /g, '-')) || SEX_VALUES.has(normaliseName(v)));
    if (p.values.length >= 2 && known.length >= Math.max(2, p.values.length - 1)) {
      return { kind: 'sex', reason: `Its values (${p.values.slice(0, 3).join(', ')}) describe sex or gender.` };
    }
  }
  return null;
}

export function pickPositive(values: readonly string[]): string | null {
  const lower = values.map((v) => v.trim().toLowerCase());
  for (const candidate of POSITIVE_VALUES) {
    const i = lower.indexOf(candidate);
    if (i >= 0) return values[i]!;
  }
  return null;
}

function taskOf(p: ColumnProfileLite): { task: Task | null; reason: string } {
  if (p.kind === 'decimal') return { task: 'regression', reason: `"${p.name}" holds numbers with decimals, so this is about predicting an amount (regression).` };
  const d = p.distinct;
  if (d === 2 || p.kind === 'boolean') return { task: 'binary', reason: `"${p.name}" has two outcomes, so this is a yes/no (binary) task.` };
  if (d !== null && d > 2 && d <= 30) return { task: 'multiclass', reason: `"${p.name}" has ${d} outcomes, so this is a task with several classes (multiclass).` };
  if (p.kind === 'integer') return { task: 'regression', reason: `"${p.name}" holds many different whole numbers, so this is about predicting an amount (regression).` };
  return { task: null, reason: `"${p.name}" has too many different values to be an outcome we can check; choose another column or the task.` };
}

/**
 * An identifier: named like one (id, key, uuid…) with many different values, or the first column
 * when nearly every value differs. Other near-unique columns (e-mails, phone numbers, names) are
 * personal data or free text, not row ids, so they are not guessed as ids.
 */
function looksLikeId(p: ColumnProfileLite, norm: string, index: number): boolean {
  const manyValues = p.kind === 'id' || (p.distinct === null && p.present > 0);
  if (matchWords(norm, ID_WORDS) || norm.endsWith(' id') || norm.startsWith('id ')) return manyValues;
  return index === 0 && p.kind === 'id';
}

export function guessRoles(profiles: readonly ColumnProfileLite[]): RolesGuess {
  const norms = profiles.map((p) => normaliseName(p.name));
  const guesses: ColumnRoleGuess[] = profiles.map((p) => ({ column: p.name, role: 'feature', reason: 'Describes each row; used when looking for weak spots.' }));

  // Per-class scores: score_<class> columns in [0, 1].
  let classScores: Record<string, string> = {};
  const classParts = profiles.map((p, i) => classPartOf(p.name, norms[i]!));
  profiles.forEach((p, i) => {
    const part = classParts[i];
    if (part !== null && part !== undefined && inUnitInterval(p)) classScores[part] = p.name;
  });
  const perClass = Object.keys(classScores).length >= 2;
  if (perClass) {
    profiles.forEach((p, i) => {
      const part = classParts[i];
      if (part && classScores[part] === p.name) guesses[i] = { column: p.name, role: 'class-score', scoreClass: part, reason: `A score between 0 and 1 for the class "${part}".` };
    });
  }

  let score: number | null = null;
  if (!perClass) {
    profiles.forEach((p, i) => {
      if (score === null && matchWords(norms[i]!, SCORE_WORDS) && inUnitInterval(p) && (p.distinct === null || p.distinct > 2)) score = i;
    });
  }
  let prediction: number | null = null;
  profiles.forEach((p, i) => {
    if (prediction === null && i !== score && guesses[i]!.role === 'feature' && matchWords(norms[i]!, PREDICTION_WORDS)) prediction = i;
  });
  let target: number | null = null;
  let targetRank = -1;
  profiles.forEach((p, i) => {
    if (i === score || i === prediction || guesses[i]!.role !== 'feature') return;
    const w = matchWords(norms[i]!, TARGET_WORDS);
    if (!w || p.kind === 'text' || p.kind === 'id' || p.kind === 'empty') return;
    // Generic words (target, label, outcome…) beat domain words (repaid, churn…).
    const rank = TARGET_WORDS.indexOf(w) < 12 ? 2 : 1;
    if (rank > targetRank) {
      target = i;
      targetRank = rank;
    }
  });

  // A prediction or score means nothing without an outcome to compare it with.
  if (target === null) {
    prediction = null;
    score = null;
  }

  const reasons = {
    target: 'No column is named like an outcome (target, label, actual, …); choose the one that says what really happened.',
    prediction: 'No column is named like a prediction; if you have the model\u2019s decisions, choose that column.',
    score: perClass ? `One score column per class: ${Object.values(classScores).join(', ')}.` : 'No column looks like a score between 0 and 1; that is fine if the model gives only decisions.',
    positiveClass: '',
    task: '',
  };
  if (target !== null) {
    guesses[target] = { column: profiles[target]!.name, role: 'target', reason: `Its name ("${profiles[target]!.name}") suggests it records what really happened.` };
    reasons.target = guesses[target]!.reason;
  }
  if (prediction !== null) {
    guesses[prediction] = { column: profiles[prediction]!.name, role: 'prediction', reason: `Its name ("${profiles[prediction]!.name}") suggests it is the model's decision or guess.` };
    reasons.prediction = guesses[prediction]!.reason;
  }
  if (score !== null) {
    const p = profiles[score]!;
    guesses[score] = { column: p.name, role: 'score', reason: `Its name ("${p.name}") suggests a score, and every value is between 0 and 1.` };
    reasons.score = guesses[score]!.reason;
  }

  profiles.forEach((p, i) => {
    if (guesses[i]!.role !== 'feature') return;
    const sensitive = sensitiveKindOf(p, norms[i]!);
    if (sensitive) {
      guesses[i] = { column: p.name, role: 'sensitive', sensitiveKind: sensitive.kind, reason: sensitive.reason };
    } else if (looksLikeId(p, norms[i]!, i)) {
      guesses[i] = { column: p.name, role: 'id', reason: 'Every row has its own value, like an identifier: not used as a feature.' };
    } else if (p.kind === 'date' || p.kind === 'datetime') {
      guesses[i] = { column: p.name, role: 'timestamp', reason: 'Holds dates: useful to see changes over time.' };
    } else if (p.kind === 'text') {
      guesses[i] = { column: p.name, role: 'text', reason: 'Free text: checked for personal data, not used as a feature.' };
    }
  });

  // Per-class scores keyed by the labels the outcome (or the prediction) really holds.
  if (perClass && target !== null) {
    const matched = keyClassScoresByLabels(classScores, [...profiles[target]!.values, ...(prediction !== null ? profiles[prediction]!.values : [])]);
    classScores = matched.classScores;
    for (const g of guesses) {
      const cls = g.role === 'class-score' ? Object.keys(classScores).find((c) => classScores[c] === g.column) : undefined;
      if (cls !== undefined) Object.assign(g, { scoreClass: cls, reason: `A score between 0 and 1 for the class "${cls}".` });
    }
    if (matched.missing.length > 0) reasons.score += ` No score column was found for ${quotedClasses(matched.missing)}.`;
  }

  let positiveClass: string | null = null;
  let task: Task | null = null;
  if (target !== null) {
    const t = profiles[target]!;
    const tk = taskOf(t);
    task = tk.task;
    reasons.task = tk.reason;
    if (task === 'binary') {
      positiveClass = pickPositive(t.values);
      reasons.positiveClass = positiveClass
        ? `"${positiveClass}" reads as the positive outcome (the one the model tries to find).`
        : `Choose which of ${t.values.map((v) => `"${v}"`).join(' and ')} is the outcome the model tries to find.`;
    }
  } else {
    reasons.task = 'Without an outcome column, Slicewise checks the data only.';
  }

  const name = (i: number | null): string | null => (i === null ? null : profiles[i]!.name);
  return { columns: guesses, target: name(target), prediction: name(prediction), score: name(score), classScores: perClass && target !== null ? classScores : {}, positiveClass, task, reasons };
}

/**
 * The score columns keyed by the labels they score (matchClassScores: case, spaces and
 * punctuation aside), in column order; a column matching no label keeps its own class part. Also
 * the labels left without a score column.
 */
function keyClassScoresByLabels(byPart: Record<string, string>, labels: readonly string[]): { classScores: Record<string, string>; missing: string[] } {
  const distinct = [...new Set(labels)];
  const { columns, missing } = matchClassScores(distinct, new Map(Object.entries(byPart)));
  const labelOf = new Map<string, string>();
  columns.forEach((c, i) => {
    if (c !== null && !labelOf.has(c)) labelOf.set(c, distinct[i]!);
  });
  const classScores: Record<string, string> = {};
  for (const [part, column] of Object.entries(byPart)) classScores[labelOf.get(column) ?? part] = column;
  return { classScores, missing };
}
