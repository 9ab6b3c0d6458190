/**
 * What the native dialogs offer, and a one-shot preset answer. No electron (dialogs.ts shows them).
 *
 * Why a preset: "File ▸ Open Recent ▸ X" must open X in the renderer, but the contract has no
 * "project opened" event. So the menu presets the answer to the next "choose a project" dialog
 * and sends the `open-project` menu command; the renderer runs its normal open flow
 * (chooseProjectToOpen), which receives X without a dialog. The preset expires quickly so a
 * stale one can never answer a dialog the person opens later.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export const PROJECT_FILTERS: readonly FileFilter[] = [{ name: 'Slicewise projects', extensions: ['slicewise'] }];

export const DATA_FILTERS: readonly FileFilter[] = [
  { name: 'Data files (CSV, TSV, TXT)', extensions: ['csv', 'tsv', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

/** The single path from an open-dialog result, or null when the person cancelled. */
export function chosenPath(result: { canceled: boolean; filePaths: readonly string[] }): string | null {
  if (result.canceled) return null;
  return result.filePaths[0] ?? null;
}

export class PresetAnswer {
  private pending: { path: string; expiresAt: number } | undefined;

  constructor(
    private readonly ttlMs = 3_000,
    private readonly now: () => number = Date.now,
  ) {}

  set(path: string): void {
    this.pending = { path, expiresAt: this.now() + this.ttlMs };
  }

  /** The preset path, once; undefined when there is none or it has expired. */
  take(): string | undefined {
    const pending = this.pending;
    this.pending = undefined;
    return pending && this.now() <= pending.expiresAt ? pending.path : undefined;
  }
}
