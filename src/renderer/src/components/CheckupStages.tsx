import { en } from '../text/en';

/**
 * The check-up's steps, each marked done, in progress or to do (a symbol and a word, not colour
 * alone). The engine names its stages in progress events; a stage this list does not know is
 * shown as it comes.
 */
export function CheckupStages({ current }: { current: string | undefined }) {
  const known: readonly string[] = en.checkup.stages;
  const at = current === undefined ? -1 : current === 'Done' ? known.length : known.indexOf(current);
  const stages = at === -1 && current !== undefined ? [...known, current] : known;
  const index = at === -1 && current !== undefined ? known.length : at;
  return (
    <ol className="stages" aria-label={en.checkup.stagesLabel} data-testid="checkup-stages">
      {stages.map((name, i) => {
        const state = i < index ? 'done' : i === index ? 'now' : 'next';
        return (
          <li key={name} className={`stage stage--${state}`} data-testid="checkup-stage-item" data-state={state} aria-current={state === 'now' ? 'step' : undefined}>
            <span className="stage__mark" aria-hidden="true">
              {state === 'done' ? '✓' : state === 'now' ? '●' : '○'}
            </span>
            <span>{name}</span>
            <span className="visually-hidden">
              {' '}
              ({state === 'done' ? en.checkup.stageDone : state === 'now' ? en.checkup.stageNow : en.checkup.stageNext})
            </span>
          </li>
        );
      })}
    </ol>
  );
}
