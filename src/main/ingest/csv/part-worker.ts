/** The helper thread's side of parallel.ts: reads its part and sends it back, arrays moved, not copied. */
import { parentPort } from 'node:worker_threads';
import { mapBigArraysAloneOnGlibc } from '../../engine-host/glibc-arrays';
import { partBuffers } from '../columns/builders';
import { readPart, type PartSpec } from './part-reader';

export interface PartWorkerData {
  spec: PartSpec;
  signal: Int32Array;
}

export function runPartWorker(data: PartWorkerData): void {
  mapBigArraysAloneOnGlibc();
  const outcome = readPart(data.spec, data.signal);
  parentPort!.postMessage(outcome, outcome.ok ? outcome.builders.flatMap(partBuffers) : []);
}
