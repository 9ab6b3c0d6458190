/** The glossary's context: the report examples are worked on, and a way to open the glossary. */
import { createContext, useContext } from 'react';
import type { GlossaryReport } from '../../../../shared/text/en/glossary';

export interface Learn {
  /** What worked examples are computed from: the report on screen, or null (then the glossary says so). */
  report: GlossaryReport | null;
  /** Opens the glossary at an entry, or at its index (id null). Focus returns to `opener` when it closes. */
  open(id: string | null, opener?: HTMLElement | null): void;
}

export const LearnContext = createContext<Learn | null>(null);

/** The nearest LearnProvider's glossary, or null outside any (learn links then render nothing). */
export function useLearn(): Learn | null {
  return useContext(LearnContext);
}
