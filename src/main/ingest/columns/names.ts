/**
 * Makes header names usable as column names: blanks get a positional name, repeats get a suffix.
 * Returns the names and a note for each change, so the person can be told.
 */
export function uniqueColumnNames(header: readonly string[]): { names: string[]; notes: string[] } {
  const seen = new Set<string>();
  const notes: string[] = [];
  const names = header.map((raw, i) => {
    const trimmed = raw.trim();
    let name = trimmed === '' ? `column_${i + 1}` : trimmed;
    if (trimmed === '') notes.push(`Column ${i + 1} has no name; it is called "${name}".`);
    if (seen.has(name)) {
      let k = 2;
      while (seen.has(`${name}_${k}`)) k++;
      notes.push(`The name "${name}" appears more than once; column ${i + 1} is called "${name}_${k}".`);
      name = `${name}_${k}`;
    }
    seen.add(name);
    return name;
  });
  return { names, notes };
}
