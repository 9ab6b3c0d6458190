import type { RolesState } from '../../../../shared/roles/dataset-roles';
import { en } from '../../text/en';
import { isModelColumn, type ColumnUse, type RolesDraft } from './roles-draft';
import { RoleQuestion } from './RoleQuestion';

interface Props {
  state: RolesState;
  draft: RolesDraft;
  columns: readonly string[];
  onChange: (next: RolesDraft) => void;
}

const USES: readonly ColumnUse[] = ['feature', 'id', 'timestamp', 'ignored'];
const GUESS_SHOWN = new Set(['id', 'timestamp', 'text']);

/** Every other column: use it, treat it as an id or a date, or leave it out. */
export function OtherColumnsQuestion({ state, draft, columns, onChange }: Props) {
  const reasons = new Map(state.guess.columns.filter((c) => GUESS_SHOWN.has(c.role)).map((c) => [c.column, c.reason]));
  const guessed = state.guess.columns.filter((c) => c.role === 'id' || c.role === 'timestamp').map((c) => c.column);
  return (
    <RoleQuestion question={en.roles.others.label} guess={guessed.length > 0 ? `${guessed.join(', ')}.` : `${en.roles.none}.`} why={en.roles.others.why} testId="role-others">
      {(describedBy) => (
        <table className="use-table" aria-describedby={describedBy}>
          <thead>
            <tr>
              <th scope="col">{en.roles.others.columnHeader}</th>
              <th scope="col">{en.roles.others.useHeader}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => {
              const fixed = isModelColumn(draft, c);
              return (
                <tr key={c} data-testid="use-row" data-column={c}>
                  <th scope="row">
                    <span className="use-table__name">{c}</span>
                    {reasons.get(c) ? <span className="use-table__reason">{reasons.get(c)}</span> : null}
                  </th>
                  <td>
                    {fixed ? (
                      <span className="use-table__fixed">{en.roles.others.fixed[fixed]}</span>
                    ) : (
                      <select
                        className="field__control field__control--small"
                        value={draft.use[c] ?? 'feature'}
                        onChange={(e) => onChange({ ...draft, use: { ...draft.use, [c]: USES.find((u) => u === e.target.value) ?? 'feature' } })}
                        aria-label={en.roles.others.useLabel(c)}
                        data-testid="use-select"
                      >
                        {USES.map((u) => (
                          <option key={u} value={u}>
                            {en.roles.others.options[u]}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </RoleQuestion>
  );
}
