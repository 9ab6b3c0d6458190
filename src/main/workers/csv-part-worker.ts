/**
 * Entry point of the helper thread that reads the second part of a big CSV (ingest/csv/parallel.ts).
 * A bundle of its own, small (the CSV reader only); it is started when the file is opened and starts
 * up while the import's thread reads the first rows.
 */
import { workerData } from 'node:worker_threads';
import { runPartWorker } from '../ingest/csv/part-worker';

runPartWorker(workerData);
