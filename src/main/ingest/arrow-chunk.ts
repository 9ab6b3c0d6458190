import { Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';

/**
 * Encodes one chunk of rows (column-major, null for missing) as an Arrow IPC stream.
 * Values are stored as text here; typed columns arrive with the full importer.
 */
export function encodeTextChunk(names: readonly string[], columns: readonly (string | null)[][]): Uint8Array {
  const vectors: Record<string, Vector<Utf8>> = {};
  names.forEach((name, i) => {
    vectors[name] = vectorFromArray(columns[i] ?? [], new Utf8());
  });
  return tableToIPC(new Table(vectors), 'stream');
}
