import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { GlossaryReport } from '../../../../shared/text/en/glossary';
import { en } from '../../text/en';
import { GlossaryEntryView } from './GlossaryEntryView';
import { GlossaryIndex } from './GlossaryIndex';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

interface Props {
  report: GlossaryReport | null;
  /** The entry to show first, or null for the index alone. */
  initialId: string | null;
  onClose: () => void;
}

/**
 * The glossary window: a modal <dialog> with a searchable index of every entry beside the chosen
 * entry. Escape or Close shuts it (the provider gives focus back to what opened it); Tab stays
 * inside it.
 */
export function GlossaryDialog({ report, initialId, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const entryHeading = useRef<HTMLHeadingElement>(null);
  const [current, setCurrent] = useState<string | null>(initialId);
  const [focusEntry, setFocusEntry] = useState(initialId !== null);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // Opened at an entry: read it first; opened at the index: search first.
    if (initialId === null) search.current?.focus();
    return () => {
      if (d?.open) d.close();
    };
  }, [initialId]);

  useEffect(() => {
    if (!focusEntry) return;
    entryHeading.current?.focus();
    setFocusEntry(false);
  }, [focusEntry, current]);

  const show = (id: string, moveFocus: boolean) => {
    setCurrent(id);
    if (moveFocus) setFocusEntry(true);
  };

  // The modal dialog makes the page behind it inert; this keeps Tab cycling inside it rather than
  // leaving for the browser's own controls.
  const trapTab = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="glossary"
      aria-labelledby={titleId}
      aria-modal="true"
      data-testid="glossary-dialog"
      onCancel={(e) => {
        // Escape: close through React, so the provider can give focus back.
        e.preventDefault();
        onClose();
      }}
      onKeyDown={trapTab}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> itself.
        if (e.target === dialog.current) onClose();
      }}
    >
      <div className="glossary__frame">
        <header className="glossary__head">
          <h2 id={titleId} className="glossary__title">
            {en.learn.title}
          </h2>
          <button type="button" className="button button--secondary" onClick={onClose} aria-label={en.learn.closeLabel} data-testid="glossary-close">
            {en.learn.close}
          </button>
        </header>
        <div className="glossary__body">
          <GlossaryIndex current={current} onPick={(id) => show(id, false)} searchRef={search} />
          <div className="glossary__pane">
            {current ? (
              <GlossaryEntryView key={current} id={current} report={report} headingRef={entryHeading} onPick={(id) => show(id, true)} />
            ) : (
              <p className="glossary__intro" data-testid="glossary-intro">
                {en.learn.intro}
              </p>
            )}
          </div>
        </div>
      </div>
    </dialog>
  );
}
