import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { GlossaryReport } from '../../../../shared/text/en/glossary';
import { GlossaryDialog } from './GlossaryDialog';
import { LearnContext, type Learn } from './learn-context';
import '../../styles/learn.css';

/**
 * Holds the report the glossary's worked examples use and the glossary window itself. The app
 * wraps everything in one (no report: the header's Learn button works on every screen); a screen
 * that shows a report wraps its content in another, so links inside it work on that report.
 */
export function LearnProvider({ report = null, children }: { report?: GlossaryReport | null; children: ReactNode }) {
  const [at, setAt] = useState<{ id: string | null } | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const restore = useRef(false);

  const open = useCallback((id: string | null, from?: HTMLElement | null) => {
    opener.current = from ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    setAt({ id });
  }, []);

  const close = useCallback(() => {
    restore.current = true;
    setAt(null);
  }, []);

  // Focus goes back to what opened the glossary once the window is gone (while it is open, the
  // rest of the page is inert and cannot take focus).
  useEffect(() => {
    if (at !== null || !restore.current) return;
    restore.current = false;
    const el = opener.current;
    opener.current = null;
    if (el?.isConnected) el.focus();
  }, [at]);

  const value = useMemo<Learn>(() => ({ report, open }), [report, open]);
  return (
    <LearnContext.Provider value={value}>
      {children}
      {at ? <GlossaryDialog report={report} initialId={at.id} onClose={close} /> : null}
    </LearnContext.Provider>
  );
}
