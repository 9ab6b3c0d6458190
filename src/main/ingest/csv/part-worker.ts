/** The helper thread's side of parallel.ts: reads its part and sends it back, arrays moved, not copied. */
import { parentPort } from 'node:worker_threads';
import { mapBigArraysAlone } from '../../../shared/big-arrays';
import { partBuffers } from '../columns/builders';
import { readPart, type PartSpec } from './part-reader';

export interface PartWorkerData {
  signal: Int32Array;
  /** Whether the import's thread maps its big arrays alone (shared/big-arrays.ts): the helper's are moved to it. */
  mapBigArraysAlone: boolean;
}

/** Waits for its part (the one message it gets), reads it and sends it back. */
export function runPartWorker(data: PartWorkerData): void {
  if (data.mapBigArraysAlone) mapBigArraysAlone();
  parentPort!.once('message', (spec: PartSpec) => {
    const outcome = readPart(spec, data.signal);
    parentPort!.postMessage(outcome, outcome.ok ? outcome.builders.flatMap(partBuffers) : []);
  });
}
