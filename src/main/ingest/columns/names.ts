/**
 * Makes header names usable as column names: blanks get a positional name, repeats get a suffix.
 * Returns the names and a note for each change, so the person can be told — at most a few notes
 * of each kind and then one that counts the rest: a header of 100,000 blank cells is one problem,
 * not 100,000 (and callers spread the notes into arrays and calls).
 */
const MAX_NOTES_PER_KIND = 10;

export function uniqueColumnNames(header: readonly string[]): { names: string[]; notes: string[] } {
  const seen = new Set<string>();
  // Where to start looking for a free suffix for each repeated name: every smaller suffix is
  // taken already, so 100,000 columns called "a" cost linear time, not quadratic.
  const nextSuffix = new Map<string, number>();
  const blankNotes: string[] = [];
  const repeatNotes: string[] = [];
  let blanks = 0;
  let repeats = 0;
  const names = header.map((raw, i) => {
    const trimmed = raw.trim();
    let name = trimmed === '' ? `column_${i + 1}` : trimmed;
    if (trimmed === '') {
      blanks++;
      if (blankNotes.length < MAX_NOTES_PER_KIND) blankNotes.push(`Column ${i + 1} has no name; it is called "${name}".`);
    }
    if (seen.has(name)) {
      let k = nextSuffix.get(name) ?? 2;
      while (seen.has(`${name}_${k}`)) k++;
      nextSuffix.set(name, k + 1);
      repeats++;
      if (repeatNotes.length < MAX_NOTES_PER_KIND) repeatNotes.push(`The name "${name}" appears more than once; column ${i + 1} is called "${name}_${k}".`);
      name = `${name}_${k}`;
    }
    seen.add(name);
    return name;
  });
  const more = (n: number, what: string): string[] => (n > MAX_NOTES_PER_KIND ? [`${(n - MAX_NOTES_PER_KIND).toLocaleString('en-US')} more ${what}.`] : []);
  const notes = [...blankNotes, ...more(blanks, 'columns have no name and were named by position'), ...repeatNotes, ...more(repeats, 'repeated names were given a suffix')];
  return { names, notes };
}
