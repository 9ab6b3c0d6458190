/**
 * The results of a check-up as a documented, versioned JSON document (docs/report-format.md).
 * Field names are snake_case and stable; within a major schema version changes are additive only.
 */
import type { DatasetSummary } from '../domain';

export const REPORT_SCHEMA_VERSION = '0.1.0';

export interface CheckReport {
  schema_version: string;
  generated_by: { app: 'slicewise'; version: string };
  generated_at: string;
  source: { file_name: string; size_bytes: number; modified_at: string; sha256: string };
  dataset: {
    name: string;
    rows: number;
    columns: { name: string; type: string; missing: number; missing_share: number | null; distinct: number | null }[];
  };
}

export function buildCheckReport(dataset: DatasetSummary, appVersion: string, now = new Date()): CheckReport {
  return {
    schema_version: REPORT_SCHEMA_VERSION,
    generated_by: { app: 'slicewise', version: appVersion },
    generated_at: now.toISOString(),
    source: {
      file_name: dataset.source.fileName,
      size_bytes: dataset.source.sizeBytes,
      modified_at: dataset.source.modifiedAt,
      sha256: dataset.source.sha256,
    },
    dataset: {
      name: dataset.name,
      rows: dataset.rows,
      columns: dataset.columns.map((c) => ({
        name: c.name,
        type: c.type,
        missing: c.missing,
        // Undefined for a table with no rows: null, never a made-up 0.
        missing_share: dataset.rows > 0 ? c.missing / dataset.rows : null,
        distinct: c.distinct,
      })),
    },
  };
}
