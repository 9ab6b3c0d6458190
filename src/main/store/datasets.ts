import { SlicewiseError } from '../../shared/errors';
import type { ColumnSummary, DatasetSummary, ImportOptionsUsed, SourceFingerprint } from '../../shared/domain';
import type { Table } from '../../shared/table';
import { unusedId } from './audit';
import type { Db } from './sqlite';
import { saveRolesGuess, type StoredGuess } from './roles';
import { decodeDictionary, encodeDictionary } from './dictionary-codec';
import { ChunkEncoder, decodeChunks, type ColumnShape } from './table-codec';

interface DatasetRow {
  id: number;
  name: string;
  source_name: string;
  source_size: number;
  source_mtime: string;
  source_sha256: string;
  import_options: string;
  row_count: number;
  imported_at: string;
  import_ms: number;
  notes: string;
  storage_format: number;
}

interface ColumnRow {
  idx: number;
  name: string;
  type: ColumnSummary['type'];
  storage: ColumnSummary['storage'];
  missing: number;
  distinct_count: number | null;
  stats: string;
}

type ColumnStats = Pick<ColumnSummary, 'missing' | 'missingTokens' | 'nonConforming' | 'nonConformingExamples' | 'dateOrder'>;

function columnsOf(db: Db, datasetId: number): ColumnSummary[] {
  const rows = db
    .prepare('SELECT idx, name, type, storage, missing, distinct_count, stats FROM dataset_columns WHERE dataset_id = ? ORDER BY idx')
    .all(datasetId) as ColumnRow[];
  return rows.map((r) => {
    const stats = JSON.parse(r.stats) as Partial<ColumnStats>;
    return {
      index: r.idx,
      name: r.name,
      type: r.type,
      storage: r.storage,
      missing: r.missing,
      distinct: r.distinct_count,
      missingTokens: stats.missingTokens ?? {},
      nonConforming: stats.nonConforming ?? 0,
      nonConformingExamples: stats.nonConformingExamples ?? [],
      ...(stats.dateOrder ? { dateOrder: stats.dateOrder } : {}),
    };
  });
}

function toSummary(db: Db, r: DatasetRow): DatasetSummary {
  return {
    id: r.id,
    name: r.name,
    rows: r.row_count,
    columns: columnsOf(db, r.id),
    source: { fileName: r.source_name, sizeBytes: r.source_size, modifiedAt: r.source_mtime, sha256: r.source_sha256 },
    importOptions: JSON.parse(r.import_options) as ImportOptionsUsed,
    notes: JSON.parse(r.notes) as string[],
    importedAt: r.imported_at,
    importMs: r.import_ms,
  };
}

export function listDatasets(db: Db): DatasetSummary[] {
  const rows = db.prepare('SELECT * FROM datasets ORDER BY id').all() as DatasetRow[];
  return rows.map((r) => toSummary(db, r));
}

export function getDataset(db: Db, id: number): DatasetSummary {
  const row = db.prepare('SELECT * FROM datasets WHERE id = ?').get(id) as DatasetRow | undefined;
  if (!row) throw new SlicewiseError({ code: 'NOT_FOUND', message: `This project has no dataset number ${id}.` });
  return toSummary(db, row);
}

export interface NewDataset {
  name: string;
  rolesGuess?: StoredGuess;
  source: SourceFingerprint;
  importOptions: ImportOptionsUsed;
  notes: string[];
  table: Table;
  columns: ColumnStats[];
  importMs: number;
}

/**
 * Rows per stored chunk (~2.5 MB at 20 columns). SQLite and its binding copy a value twice on the way
 * in, so a chunk is there three times while it is written: at 64k rows (~10 MB) a 1M-row import's
 * peak was ~15 MB higher, for no gain in speed (saving and loading that table measured the same),
 * and a preview page decoded 10 MB to show 100 rows. Older datasets keep their chunks: each
 * records its own rows.
 */
export const CHUNK_ROWS = 16_384;

/** A stored JSON value: text, or the UTF-8 bytes of it (big dictionaries up to project format 4). */
export function parseStoredJson(stored: string | Buffer): unknown {
  return JSON.parse(typeof stored === 'string' ? stored : stored.toString('utf8'));
}

/**
 * Writes a whole dataset (metadata, columns, data chunks) inside the caller's transaction.
 * `beforeChunk` lets the caller report progress and stop (by throwing) between chunks.
 */
export function insertDataset(db: Db, d: NewDataset, beforeChunk: (done: number, total: number) => void = () => {}): number {
  const datasetId = insertDatasetDescription(db, d, beforeChunk);
  insertDatasetChunks(db, datasetId, d.table, beforeChunk);
  return datasetId;
}

/**
 * The first half of insertDataset: the dataset's row, its roles guess and its columns (with their
 * dictionaries). A caller that can wait between the halves lets the memory a big dictionary gave
 * back be freed before the chunks are written (see releaseBuffers).
 */
export function insertDatasetDescription(db: Db, d: NewDataset, beforeChunk: (done: number, total: number) => void = () => {}): number {
  const info = db
    .prepare(
      `INSERT INTO datasets (id, name, source_name, source_size, source_mtime, source_sha256, import_options, row_count, imported_at, import_ms, notes, storage_format)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2)`,
    )
    .run(
      unusedId(db, 'dataset'),
      d.name,
      d.source.fileName,
      d.source.sizeBytes,
      d.source.modifiedAt,
      d.source.sha256,
      JSON.stringify(d.importOptions),
      d.table.rowCount,
      new Date().toISOString(),
      Math.round(d.importMs),
      JSON.stringify(d.notes),
    );
  const datasetId = Number(info.lastInsertRowid);
  if (d.rolesGuess) saveRolesGuess(db, datasetId, d.rolesGuess);
  const insertColumn = db.prepare(
    'INSERT INTO dataset_columns (dataset_id, idx, name, type, storage, missing, distinct_count, stats, dictionary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertPiece = db.prepare('INSERT INTO dataset_dictionary_pieces (dataset_id, idx, seq, packed) VALUES (?, ?, ?, ?)');
  d.table.columns.forEach((col, idx) => {
    // A column with a big dictionary takes a while to write: Cancel is answered between columns too.
    beforeChunk(0, d.table.rowCount);
    const stats = d.columns[idx]!;
    // Missing means a missing-value token; cells that did not fit the type are counted apart.
    const missing = stats.missing;
    const stored = col.storage === 'codes' ? encodeDictionary(col.dictionary, () => beforeChunk(0, d.table.rowCount)) : null;
    const row = (dictionary: string | Buffer | null): unknown[] => [
      datasetId,
      idx,
      col.name,
      col.kind,
      col.storage,
      missing,
      col.storage === 'codes' ? col.dictionary.length : null,
      JSON.stringify(stats),
      dictionary,
    ];
    if (typeof stored === 'string' || stored === null) insertColumn.run(...row(stored));
    else {
      // Piece by piece: each is made (in the buffer of the one before) and stored before the next.
      let seq = 0;
      for (const piece of stored) {
        if (seq === 0) insertColumn.run(...row(piece));
        else insertPiece.run(datasetId, idx, seq, piece);
        seq++;
        beforeChunk(0, d.table.rowCount);
      }
    }
  });
  return datasetId;
}

/** The second half of insertDataset: the table's data, CHUNK_ROWS rows at a time. */
export function insertDatasetChunks(db: Db, datasetId: number, table: Table, beforeChunk: (done: number, total: number) => void = () => {}): void {
  const insertChunk = db.prepare('INSERT INTO dataset_chunks (dataset_id, seq, row_start, row_count, arrow_ipc) VALUES (?, ?, ?, ?, ?)');
  const total = table.rowCount;
  const encoder = new ChunkEncoder();
  for (let from = 0, seq = 0; from < total; from += CHUNK_ROWS, seq++) {
    beforeChunk(from, total);
    const to = Math.min(total, from + CHUNK_ROWS);
    const ipc = encoder.encode(table, from, to);
    insertChunk.run(datasetId, seq, from, to - from, Buffer.from(ipc.buffer, ipc.byteOffset, ipc.byteLength));
  }
}

/** The stored shape of a dataset's columns (with dictionaries): what decoding chunks needs. */
export function columnShapes(db: Db, datasetId: number): ColumnShape[] {
  const cols = db
    .prepare('SELECT idx, name, type, storage, dictionary FROM dataset_columns WHERE dataset_id = ? ORDER BY idx')
    .all(datasetId) as { idx: number; name: string; type: ColumnShape['kind']; storage: ColumnShape['storage']; dictionary: string | Buffer | null }[];
  // Prepared only when a dictionary has more pieces: a file read as it is (not updated) may be older than the table.
  const pieces = (idx: number): Iterable<Buffer> =>
    db.prepare('SELECT packed FROM dataset_dictionary_pieces WHERE dataset_id = ? AND idx = ? ORDER BY seq').pluck().iterate(datasetId, idx) as Iterable<Buffer>;
  return cols.map((c) => ({
    name: c.name,
    storage: c.storage,
    kind: c.type,
    ...(c.dictionary ? { dictionary: decodeDictionary(c.dictionary, () => pieces(c.idx)) } : {}),
  }));
}

const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Reads a dataset's data back as typed columns (no re-parsing of the source). */
export function loadTable(db: Db, datasetId: number, shapes = columnShapes(db, datasetId)): Table {
  const ds = db.prepare('SELECT row_count FROM datasets WHERE id = ?').get(datasetId) as { row_count: number } | undefined;
  if (!ds) throw new SlicewiseError({ code: 'NOT_FOUND', message: `This project has no dataset number ${datasetId}.` });
  // One chunk at a time (iterate, not all): the stored bytes of a big table are as large as its columns.
  const rows = db.prepare('SELECT arrow_ipc FROM dataset_chunks WHERE dataset_id = ? ORDER BY seq').iterate(datasetId) as IterableIterator<{ arrow_ipc: Buffer }>;
  function* chunks(): Generator<Uint8Array> {
    for (const r of rows) yield asBytes(r.arrow_ipc);
  }
  return decodeChunks(shapes, chunks(), ds.row_count);
}

/**
 * Rows [offset, offset + limit) as a small typed table, decoding only the chunks that hold them
 * (a preview of row 900,000 does not read the whole dataset). Returns the table and its first row.
 */
export function loadRowRange(db: Db, datasetId: number, offset: number, limit: number, shapes: ColumnShape[]): { table: Table; firstRow: number } {
  const chunks = db
    .prepare(
      'SELECT row_start, row_count, arrow_ipc FROM dataset_chunks WHERE dataset_id = ? AND row_start < ? AND row_start + row_count > ? ORDER BY seq',
    )
    .all(datasetId, offset + limit, offset) as { row_start: number; row_count: number; arrow_ipc: Buffer }[];
  if (chunks.length === 0) return { table: { rowCount: 0, columns: decodeChunks(shapes, [], 0).columns }, firstRow: offset };
  const rows = chunks.reduce((n, c) => n + c.row_count, 0);
  return { table: decodeChunks(shapes, chunks.map((c) => asBytes(c.arrow_ipc)), rows), firstRow: chunks[0]!.row_start };
}
