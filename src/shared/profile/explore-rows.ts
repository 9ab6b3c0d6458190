/** The rows behind a finding or a slice, as the Explore screen shows them (getFindingRows). */
export interface ExploreRows {
  columns: string[];
  /** How many rows the finding or slice covers. */
  total: number;
  /** False when only a finding's example rows could be rebuilt (then `total` is what could be listed). */
  complete: boolean;
  /** The first rows (0-based row numbers, ascending), at most `limit`. */
  rows: { row: number; reasons: string[]; cells: (string | null)[] }[];
  limit: number;
}
