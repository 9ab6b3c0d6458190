/** Entry point of an engine worker thread: the jobs Slicewise can run off the main thread. */
import { startWorker } from '../engine-host/worker-runtime';
import { runImportCsv } from '../ingest/import-csv-job';

startWorker({
  'import-csv': runImportCsv,
});
