/**
 * Entry point of the helper thread that reads the second part of a big CSV (ingest/csv/parallel.ts).
 * A bundle of its own, small (the CSV reader only), so it starts in tens of milliseconds while the
 * import's thread reads the first part.
 */
import { workerData } from 'node:worker_threads';
import { runPartWorker } from '../ingest/csv/part-worker';

runPartWorker(workerData);
