import { en } from '../text/en';

/** What the person should know about how a file was read (renamed headers, skipped lines, …). */
export function ImportNotes({ notes, extra = [] }: { notes: readonly string[]; extra?: readonly string[] }) {
  const all = [...extra, ...notes];
  if (all.length === 0) return null;
  return (
    <section className="panel panel--notes" aria-labelledby="notes-heading" data-testid="dataset-notes">
      <h2 id="notes-heading" className="panel__title">
        {en.dataset.notesHeading}
      </h2>
      <ul className="notes-list">
        {all.map((note) => (
          <li key={note} data-testid="dataset-note">
            {note}
          </li>
        ))}
      </ul>
    </section>
  );
}
