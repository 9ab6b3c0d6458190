import type { JoinReport } from '../../../../shared/join/join-tables';
import { en } from '../../text/en';

interface Props {
  added: JoinReport['added'];
  datasetName: string;
}

/** The columns the new table gains, with renamed ones marked and the reason given. */
export function JoinAddedColumns({ added, datasetName }: Props) {
  return (
    <section className="panel" aria-labelledby="join-added-heading" data-testid="join-added">
      <h2 id="join-added-heading" className="panel__title">
        {en.join.addedHeading}
      </h2>
      <p className="panel__intro">{en.join.addedIntro}</p>
      <ul className="join-added">
        {added.map((a) => (
          <li key={a.as} className="join-added__item" data-testid="join-added-column" data-from={a.from} data-as={a.as}>
            <code className="chip">{a.as}</code>
            {a.as !== a.from ? <span className="join-added__renamed">{en.join.renamed(a.from)}</span> : null}
          </li>
        ))}
      </ul>
      <p className="join-added__note" data-testid="join-new-table-note">
        {en.join.newTableNote(datasetName)}
      </p>
    </section>
  );
}
