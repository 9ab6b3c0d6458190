/** Entry point of an engine worker thread: the jobs Slicewise can run off the main thread. */
import { startWorker } from '../engine-host/worker-runtime';
import { runImportFile } from '../ingest/import-file-job';
import { runCheckup } from '../engine/checkup-job';
import { runJoin } from '../ingest/join-job';
import { runExport } from '../engine/export-job';
import { runCompare } from '../engine/compare-job';
import { runModelsComparison } from '../engine/models-job';
import { runExplore } from '../engine/explore-job';

startWorker({
  'import-file': runImportFile,
  checkup: runCheckup,
  'join-predictions': runJoin,
  export: runExport,
  compare: runCompare,
  models: runModelsComparison,
  explore: runExplore,
});
