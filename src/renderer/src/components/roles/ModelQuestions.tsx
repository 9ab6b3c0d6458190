import { useId } from 'react';
import { matchPredictionPositive } from '../../../../shared/checks/model/outcome';
import type { RolesState } from '../../../../shared/roles/dataset-roles';
import { en } from '../../text/en';
import type { RolesDraft } from './roles-draft';
import { ColumnSelect, guessText, RoleQuestion } from './RoleQuestion';

interface Props {
  state: RolesState;
  draft: RolesDraft;
  columns: readonly string[];
  onChange: (next: RolesDraft) => void;
}

/** The model's results, if the file has any: its guess and its score. All optional. */
export function ModelQuestions({ state, draft, columns, onChange }: Props) {
  const id = useId();
  const { guess } = state;
  const perClass = Object.entries(draft.classScores);
  const guessedNone = guess.prediction === null && guess.score === null && Object.keys(guess.classScores).length === 0;
  // When the model answers in other words than the outcome (outcome 1/0, answers approved/declined):
  // which answer means the positive outcome. The app's own match is preselected.
  const valuesOf = (column: string | null): string[] => state.profiles.find((p) => p.name === column)?.values ?? [];
  const answers = valuesOf(draft.prediction);
  const positive = draft.positiveClass;
  const askMapping = draft.task === 'binary' && positive !== null && answers.length >= 2 && answers.length <= 10 && !answers.includes(positive);
  const matched = askMapping ? matchPredictionPositive(positive, valuesOf(draft.target), answers) : null;
  const chosenAnswer = draft.predictionPositive !== null && answers.includes(draft.predictionPositive) ? draft.predictionPositive : matched;
  return (
    <>
      <div className="role-q role-q--toggle" data-testid="role-no-model">
        <label className="choice choice--strong">
          <input type="checkbox" checked={draft.noModel} onChange={(e) => onChange({ ...draft, noModel: e.target.checked })} aria-describedby={`${id}-nomodel`} data-testid="no-model" />
          <span>{en.roles.noModel.label}</span>
        </label>
        <p id={`${id}-nomodel`} className="role-q__why">
          {en.roles.noModel.hint} {guessedNone ? en.roles.noModel.guessedNone : null}
        </p>
      </div>
      {draft.noModel ? null : (
        <>
          <RoleQuestion
            question={en.roles.prediction.label}
            controlId={`${id}-prediction`}
            guess={guessText(guess.prediction, guess.reasons.prediction)}
            why={en.roles.prediction.why}
            testId="role-prediction"
          >
            {(describedBy) => (
              <ColumnSelect
                id={`${id}-prediction`}
                value={draft.prediction}
                columns={columns}
                noneLabel={en.roles.none}
                onChange={(c) => onChange({ ...draft, prediction: c })}
                describedBy={describedBy}
                testId="prediction-select"
              />
            )}
          </RoleQuestion>
          {askMapping ? (
            <RoleQuestion
              question={en.roles.predictionPositive.label(positive)}
              guess={matched !== null ? en.roles.predictionPositive.guess(matched) : undefined}
              why={en.roles.predictionPositive.why}
              testId="role-prediction-positive"
            >
              {(describedBy) => (
                <div className="choice-list choice-list--inline" role="radiogroup" aria-describedby={describedBy}>
                  {answers.map((v) => (
                    <label key={v} className="choice">
                      <input
                        type="radio"
                        name={`${id}-prediction-positive`}
                        value={v}
                        checked={chosenAnswer === v}
                        onChange={() => onChange({ ...draft, predictionPositive: v })}
                        data-testid="prediction-positive-option"
                      />
                      <span className="choice__value">{v}</span>
                    </label>
                  ))}
                </div>
              )}
            </RoleQuestion>
          ) : null}
          <RoleQuestion
            question={en.roles.score.label}
            controlId={perClass.length > 0 ? undefined : `${id}-score`}
            guess={guessText(guess.score, guess.reasons.score)} why={en.roles.score.why} testId="role-score">
            {(describedBy) =>
              perClass.length > 0 ? (
                <div className="role-q__per-class" data-testid="class-scores">
                  <p className="muted">{en.roles.score.perClassIntro}</p>
                  {perClass.map(([cls, col]) => (
                    <label key={cls} className="field">
                      <span className="field__label">{en.roles.score.classLabel(cls)}</span>
                      <ColumnSelect
                        id={`${id}-score-${cls}`}
                        value={col}
                        columns={columns}
                        noneLabel={en.roles.none}
                        onChange={(c) => {
                          const next = { ...draft.classScores };
                          if (c === null) delete next[cls];
                          else next[cls] = c;
                          onChange({ ...draft, classScores: next });
                        }}
                        describedBy={describedBy}
                        testId="class-score-select"
                      />
                    </label>
                  ))}
                </div>
              ) : (
                <ColumnSelect
                  id={`${id}-score`}
                  value={draft.score}
                  columns={columns}
                  noneLabel={en.roles.none}
                  onChange={(c) => onChange({ ...draft, score: c })}
                  describedBy={describedBy}
                  testId="score-select"
                />
              )
            }
          </RoleQuestion>
        </>
      )}
    </>
  );
}
