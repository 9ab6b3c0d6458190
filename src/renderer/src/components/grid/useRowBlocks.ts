/**
 * Rows for the preview grid, fetched from main in blocks as the person scrolls. Only the blocks
 * around the visible rows are requested; at most a few requests run at once, and a block is taken
 * from the rows wanted *now* when a request slot frees up, so a fast scroll skips the rows it flew
 * past. Loaded blocks are kept in a small least-recently-used cache.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from '../../api/client';

export type Row = (string | null)[];

/** Rows per request (the contract allows up to 500). */
export const BLOCK_ROWS = 200;
const MAX_BLOCKS = 60;
const MAX_IN_FLIGHT = 3;

interface Store {
  blocks: Map<number, Row[]>;
  inFlight: Set<number>;
  wanted: { first: number; last: number };
  failed: boolean;
  live: boolean;
}

export interface RowBlocks {
  /** The row's cells, or undefined while it is loading. */
  rowAt: (index: number) => Row | undefined;
  /** Says which rows are on screen (inclusive); loads what is missing. */
  want: (first: number, last: number) => void;
  failed: boolean;
  retry: () => void;
}

export function useRowBlocks(projectId: string, datasetId: number, rowCount: number): RowBlocks {
  const store = useRef<Store>({ blocks: new Map(), inFlight: new Set(), wanted: { first: 0, last: -1 }, failed: false, live: true });
  const [, setVersion] = useState(0);
  const [failed, setFailed] = useState(false);

  const pump = useCallback(() => {
    const s = store.current;
    if (!s.live || s.failed) return;
    const firstBlock = Math.floor(s.wanted.first / BLOCK_ROWS);
    const lastBlock = Math.floor(Math.min(s.wanted.last, rowCount - 1) / BLOCK_ROWS);
    for (let b = firstBlock; b <= lastBlock && s.inFlight.size < MAX_IN_FLIGHT; b++) {
      if (s.blocks.has(b) || s.inFlight.has(b)) continue;
      s.inFlight.add(b);
      request('getRows', { projectId, datasetId, offset: b * BLOCK_ROWS, limit: BLOCK_ROWS }).then(
        (r) => {
          s.blocks.set(b, r.rows);
          evict(s, firstBlock, lastBlock);
        },
        () => {
          s.failed = true;
          if (s.live) setFailed(true);
        },
      ).finally(() => {
        s.inFlight.delete(b);
        if (!s.live) return;
        setVersion((v) => v + 1);
        pump();
      });
    }
  }, [projectId, datasetId, rowCount]);

  useEffect(() => {
    const s = store.current;
    s.live = true;
    return () => {
      s.live = false;
    };
  }, []);

  const want = useCallback(
    (first: number, last: number) => {
      const s = store.current;
      if (s.wanted.first === first && s.wanted.last === last) return;
      s.wanted = { first, last };
      pump();
    },
    [pump],
  );

  const rowAt = useCallback((index: number): Row | undefined => store.current.blocks.get(Math.floor(index / BLOCK_ROWS))?.[index % BLOCK_ROWS], []);

  const retry = useCallback(() => {
    store.current.failed = false;
    setFailed(false);
    pump();
  }, [pump]);

  return { rowAt, want, failed, retry };
}

/** Drops the blocks used longest ago, never the ones on screen. */
function evict(s: Store, firstBlock: number, lastBlock: number): void {
  for (const b of s.blocks.keys()) {
    if (s.blocks.size <= MAX_BLOCKS) return;
    if (b < firstBlock || b > lastBlock) s.blocks.delete(b);
  }
}
