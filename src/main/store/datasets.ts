import { SlicewiseError } from '../../shared/errors';
import type { ColumnSummary, ColumnType, DatasetSummary, SourceFingerprint } from '../../shared/domain';
import type { Db } from './sqlite';

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
}

function columnsOf(db: Db, datasetId: number): ColumnSummary[] {
  const rows = db
    .prepare('SELECT idx, name, type, missing FROM dataset_columns WHERE dataset_id = ? ORDER BY idx')
    .all(datasetId) as { idx: number; name: string; type: ColumnType; missing: number }[];
  return rows.map((r) => ({ index: r.idx, name: r.name, type: r.type, missing: r.missing }));
}

function toSummary(db: Db, r: DatasetRow): DatasetSummary {
  return {
    id: r.id,
    name: r.name,
    rows: r.row_count,
    columns: columnsOf(db, r.id),
    source: { fileName: r.source_name, sizeBytes: r.source_size, modifiedAt: r.source_mtime, sha256: r.source_sha256 },
    importOptions: JSON.parse(r.import_options) as DatasetSummary['importOptions'],
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
  source: SourceFingerprint;
  importOptions: DatasetSummary['importOptions'];
}

/** Writes happen inside the caller's transaction (the import job owns it). */
export function insertDataset(db: Db, d: NewDataset): number {
  const info = db
    .prepare(
      `INSERT INTO datasets (name, source_name, source_size, source_mtime, source_sha256, import_options, row_count, imported_at, import_ms)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, 0)`,
    )
    .run(
      d.name,
      d.source.fileName,
      d.source.sizeBytes,
      d.source.modifiedAt,
      d.source.sha256,
      JSON.stringify(d.importOptions),
      new Date().toISOString(),
    );
  return Number(info.lastInsertRowid);
}

export function insertChunk(db: Db, datasetId: number, seq: number, rowStart: number, rowCount: number, ipc: Uint8Array): void {
  db.prepare('INSERT INTO dataset_chunks (dataset_id, seq, row_start, row_count, arrow_ipc) VALUES (?, ?, ?, ?, ?)').run(
    datasetId,
    seq,
    rowStart,
    rowCount,
    Buffer.from(ipc.buffer, ipc.byteOffset, ipc.byteLength),
  );
}

export function finishDataset(
  db: Db,
  datasetId: number,
  rows: number,
  columns: ColumnSummary[],
  importMs: number,
  sha256: string,
): void {
  db.prepare('UPDATE datasets SET row_count = ?, import_ms = ?, source_sha256 = ? WHERE id = ?').run(rows, importMs, sha256, datasetId);
  const insert = db.prepare('INSERT INTO dataset_columns (dataset_id, idx, name, type, missing) VALUES (?, ?, ?, ?, ?)');
  for (const c of columns) insert.run(datasetId, c.index, c.name, c.type, c.missing);
}

export function readChunks(db: Db, datasetId: number): Uint8Array[] {
  const rows = db.prepare('SELECT arrow_ipc FROM dataset_chunks WHERE dataset_id = ? ORDER BY seq').all(datasetId) as {
    arrow_ipc: Buffer;
  }[];
  return rows.map((r) => new Uint8Array(r.arrow_ipc.buffer, r.arrow_ipc.byteOffset, r.arrow_ipc.byteLength));
}
