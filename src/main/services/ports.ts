import type { EventName, Events } from '../../shared/contract';

/** What the host (Electron, the browser test harness, the CLI) provides to the services. */
export interface Dialogs {
  /** A project file the person chose, or null when they cancelled. */
  chooseProjectFile(): Promise<string | null>;
  /** A data file the person chose, or null when they cancelled. */
  chooseDataFile(): Promise<string | null>;
  /** Where to save an export (the dialog offers `suggestedName`), or null when they cancelled. */
  chooseSavePath(suggestedName: string, format: string): Promise<string | null>;
}

export interface EventSink {
  emit<E extends EventName>(name: E, payload: Events[E]): void;
}

export const noDialogs: Dialogs = {
  chooseProjectFile: async () => null,
  chooseDataFile: async () => null,
  chooseSavePath: async () => null,
};
