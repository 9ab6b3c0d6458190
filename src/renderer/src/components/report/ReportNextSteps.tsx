import { useRef, useState } from 'react';
import { en } from '../../text/en';
import { TOURS, type TourStep } from '../../text/en-tours';
import { GuidedTour, availableSteps } from '../tour/GuidedTour';

/**
 * Under the report's summary: the way into Explore, and — on a shipped example — the guided tour
 * over its planted problems (the tour's steps are those whose target is on the page, so it is
 * offered once the whole report is: `ready`).
 */
export function ReportNextSteps({ fileName, ready, onExplore }: { fileName: string; ready: boolean; onExplore?: (() => void) | undefined }) {
  const tour = TOURS[fileName];
  const [touring, setTouring] = useState<TourStep[] | null>(null);
  const tourButton = useRef<HTMLButtonElement>(null);
  const endTour = () => {
    setTouring(null);
    tourButton.current?.focus();
  };
  return (
    <>
      {onExplore ? (
        <div className="explore-entry" data-testid="explore-entry">
          <button type="button" className="button button--secondary" onClick={onExplore} data-testid="open-explore">
            {en.explore.open}
          </button>
          <span className="muted">{en.explore.openHint}</span>
        </div>
      ) : null}
      {tour && ready ? (
        <div className="explore-entry">
          <button ref={tourButton} type="button" className="button button--secondary" onClick={() => setTouring(availableSteps(tour))} data-testid="start-tour">
            {en.tours.start}
          </button>
          <span className="muted">{en.tours.startHint}</span>
        </div>
      ) : null}
      {touring ? <GuidedTour steps={touring} onEnd={endTour} /> : null}
    </>
  );
}
