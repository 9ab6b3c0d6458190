/** What the native dialogs offer. No electron (dialogs.ts shows them). */
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

/** The save dialog's filter for an export format. */
export function exportFilters(format: string): FileFilter[] {
  const names: Record<string, string> = { html: 'Web page (HTML)', pdf: 'PDF', md: 'Markdown', json: 'JSON', csv: 'CSV' };
  return [{ name: names[format] ?? format.toUpperCase(), extensions: [format] }];
}

/** The path from a save-dialog result, or null when the person cancelled. */
export function chosenSavePath(result: { canceled: boolean; filePath?: string | undefined }): string | null {
  return result.canceled || !result.filePath ? null : result.filePath;
}
