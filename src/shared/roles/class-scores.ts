/**
 * Matching per-class score columns (score_<class>, proba_<class>, …) to the classes the outcome
 * column really holds. Column names cannot hold every label as it is written ("Wild boar",
 * "Red_Fox"), so a class and a column's class part are compared by classKey: without case,
 * accents, spaces, underscores or other punctuation ("Red_Fox", "red fox", "RedFox" → "redfox").
 */

/** A class name as compared with a score column's class part. */
export function classKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface ClassScoreMatch<C> {
  /** For each class, in the order given: its score column, or null when it has none. */
  columns: (C | null)[];
  /** The classes with no score column. */
  missing: string[];
}

/**
 * The score column of each class: the one keyed by the class exactly, else the only one whose key
 * has the same classKey — when no other class shares that classKey ("Fox" and "fox" as two
 * classes are told apart only by exact keys).
 */
export function matchClassScores<C>(classes: readonly string[], byClass: ReadonlyMap<string, C>): ClassScoreMatch<C> {
  const classesPerKey = new Map<string, number>();
  for (const c of classes) classesPerKey.set(classKey(c), (classesPerKey.get(classKey(c)) ?? 0) + 1);
  const byKey = new Map<string, C[]>();
  for (const [cls, column] of byClass) {
    const k = classKey(cls);
    const list = byKey.get(k) ?? [];
    if (!list.includes(column)) list.push(column);
    byKey.set(k, list);
  }
  const columns: (C | null)[] = [];
  const missing: string[] = [];
  for (const c of classes) {
    let column = byClass.get(c) ?? null;
    if (column === null) {
      const k = classKey(c);
      const candidates = byKey.get(k) ?? [];
      if (k !== '' && candidates.length === 1 && classesPerKey.get(k) === 1) column = candidates[0]!;
    }
    columns.push(column);
    if (column === null) missing.push(c);
  }
  return { columns, missing };
}

/** "a", "a" and "b", "a", "b" and 3 more — class names quoted for a reason text. */
export function quotedClasses(classes: readonly string[], max = 5): string {
  const shown = classes.slice(0, max).map((c) => `"${c}"`);
  const more = classes.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
