import { useEffect, useRef, useState } from 'react';
import { en } from '../../text/en';
import type { TourStep } from '../../text/en-tours';

const w = en.tours;
const HIGHLIGHT = 'tour-highlight';

/** The steps whose target is on the page now. */
export function availableSteps(steps: TourStep[]): TourStep[] {
  return steps.filter((s) => document.querySelector(s.target) !== null);
}

/**
 * A guided tour: a small panel that walks through steps, scrolling each step's target into view
 * and outlining it (an outline and the panel's words, never colour alone). Keyboard: the panel's
 * buttons, Escape ends the tour; focus goes to the panel's title at each step and back to the
 * opener at the end.
 */
export function GuidedTour({ steps, onEnd }: { steps: TourStep[]; onEnd: () => void }) {
  const [at, setAt] = useState(0);
  const title = useRef<HTMLHeadingElement>(null);
  const step = steps[at];
  useEffect(() => {
    if (!step) return undefined;
    const el = document.querySelector<HTMLElement>(step.target);
    el?.classList.add(HIGHLIGHT);
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    title.current?.focus();
    return () => el?.classList.remove(HIGHLIGHT);
  }, [step]);
  if (!step) return null;
  const last = at === steps.length - 1;
  return (
    <div
      className="tour"
      role="dialog"
      aria-modal="false"
      aria-labelledby="tour-title"
      aria-describedby="tour-body"
      data-testid="tour"
      data-step={at + 1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onEnd();
      }}
    >
      <p className="eyebrow">
        {w.label} · {w.step(at + 1, steps.length)}
      </p>
      <h2 id="tour-title" ref={title} tabIndex={-1} className="tour__title">
        {step.title}
      </h2>
      <p id="tour-body">{step.body}</p>
      <div className="tour__actions">
        <button type="button" className="button button--quiet" onClick={onEnd} data-testid="tour-end">
          {w.end}
        </button>
        <span className="tour__spacer" />
        <button type="button" className="button button--secondary" disabled={at === 0} onClick={() => setAt(at - 1)} data-testid="tour-back">
          {w.back}
        </button>
        <button type="button" className="button button--primary" onClick={() => (last ? onEnd() : setAt(at + 1))} data-testid="tour-next">
          {last ? w.finish : w.next}
        </button>
      </div>
    </div>
  );
}
