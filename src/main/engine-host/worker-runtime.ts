/**
 * The inside of an engine worker: receives jobs, runs the named handler, reports progress and the
 * outcome. Handlers are plain functions (sync or async) that never see worker_threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SlicewiseError, toErrorData } from '../../shared/errors';
import { collectGarbage } from './collect-garbage';
import { mapBigArraysAloneOnGlibc } from './glibc-arrays';
import { bigArraysSlackBytes } from '../../shared/big-arrays';
import { cancelledError, type JobContext, type JobHandlers } from './job-context';
import { csvPartWorkerScript, type WorkerScript } from './worker-entry';
import { BEYOND_CANCEL, CANCEL_REQUESTED, type FromWorker, type ToWorker } from './messages';

const PROGRESS_INTERVAL_MS = 100;
/** After a job whose heap is bigger than this (a 3,000-row check-up leaves ~35 MB), the worker collects before it is idle. */
const COLLECT_ABOVE_HEAP_BYTES = 64 * 1048576;

export function startWorker(handlers: JobHandlers): void {
  const port = parentPort;
  if (!port) throw new Error('startWorker must run inside a worker thread');
  const send = (msg: FromWorker): void => port.postMessage(msg);
  const own = (workerData as { script?: WorkerScript } | undefined)?.script;
  const csvPartScript = own && csvPartWorkerScript(own);
  mapBigArraysAloneOnGlibc();

  port.on('message', async (msg: ToWorker) => {
    if (msg.type !== 'run') return;
    const flag = new Int32Array(msg.cancelFlag);
    let lastProgress = 0;
    let lastStage: string | null = null;
    const after: (() => void)[] = [];
    const ctx: JobContext = {
      jobId: msg.jobId,
      csvPartScript,
      progress(stage, fraction, message) {
        const now = Date.now();
        // Throttle so a fast loop does not flood main; always send the first and the last, and
        // every new stage (a stage that began within 100 ms of the last message was dropped, so
        // the person never saw "Looking at the columns", and a test waiting for a stage hung).
        if (stage === lastStage && fraction < 1 && fraction > 0 && now - lastProgress < PROGRESS_INTERVAL_MS) return;
        lastProgress = now;
        lastStage = stage;
        const clamped = Math.min(1, Math.max(0, fraction));
        send({ type: 'progress', jobId: msg.jobId, stage, fraction: clamped, ...(message ? { message } : {}) });
      },
      throwIfCancelled() {
        if (Atomics.load(flag, 0) === CANCEL_REQUESTED) throw cancelledError();
      },
      beyondCancel() {
        // 0 → BEYOND_CANCEL unless main has already set CANCEL_REQUESTED (one atomic step, no race).
        if (Atomics.compareExchange(flag, 0, 0, BEYOND_CANCEL) === CANCEL_REQUESTED) throw cancelledError();
      },
      afterReply(work) {
        after.push(work);
      },
    };
    try {
      const handler = handlers[msg.kind];
      if (!handler) throw new SlicewiseError({ code: 'INTERNAL', message: `No job called "${msg.kind}" exists.` });
      const value = await handler(msg.input, ctx);
      // A job that finished (and committed) reports done even if a cancel arrived too late.
      send({ type: 'done', jobId: msg.jobId, value });
    } catch (err) {
      send({ type: 'failed', jobId: msg.jobId, error: toErrorData(err) });
    }
    for (const work of after) {
      try {
        work();
      } catch {
        // Housekeeping only: the job's outcome has been sent and stands.
      }
    }
    // A job that left a big heap has its garbage collected now, not under the next job (collect-garbage.ts).
    if (process.memoryUsage().heapTotal > COLLECT_ABOVE_HEAP_BYTES) collectGarbage();
    const memory = process.memoryUsage();
    // Mapped-alone buffers count at their mapped size in `external`; what lies past their arrays
    // is address space only. (A buffer released before it is collected has left `external` but
    // not yet the slack: never below the heap.)
    send({ type: 'idle', heldBytes: Math.max(memory.heapTotal, memory.heapTotal + memory.external - bigArraysSlackBytes()) });
  });
  send({ type: 'ready' });
}
