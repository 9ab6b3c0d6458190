import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, mock, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { WorkerPool, QueueFullError } from '../../../../src/main/engine-host/worker-pool';
import type { JobProgress } from '../../../../src/shared/domain';

const script = { kind: 'source', path: join(import.meta.dirname, 'fixtures/test-worker.ts') } as const;

describe('WorkerPool', () => {
  const pool = new WorkerPool({ script, size: 2, maxQueue: 3, cancelGraceMs: 300 });
  after(() => pool.close());

  test('runs a job off the main thread and returns its value', async () => {
    const h = pool.submit('echo', { a: 1 });
    assert.deepEqual(await h.outcome, { status: 'succeeded', value: { echoed: { a: 1 } } });
    assert.deepEqual(await pool.submit('async', 21).outcome, { status: 'succeeded', value: 42 });
  });

  test('reports named stages with increasing progress', async () => {
    const seen: JobProgress[] = [];
    const h = pool.submit('steps', { steps: 3 }, (p) => seen.push(p));
    assert.deepEqual(await h.outcome, { status: 'succeeded', value: 3 });
    assert.deepEqual(seen.map((p) => p.stage), ['step 1', 'step 2', 'step 3']);
    assert.deepEqual(seen.map((p) => p.fraction), [1 / 3, 2 / 3, 1]);
    assert.ok(seen.every((p) => p.jobId === h.id));
  });

  test('every new stage is reported at once, however soon after the last message; progress within a stage is throttled', async () => {
    const seen: JobProgress[] = [];
    assert.deepEqual(await pool.submit('stages-quickly', null, (p) => seen.push(p)).outcome, { status: 'succeeded', value: 'done' });
    assert.deepEqual([...new Set(seen.map((p) => p.stage))], ['first', 'second', 'third']);
    assert.ok(seen.length <= 6, `150 progress calls within a few ms came through as ${seen.length} messages`);
  });

  test('a job that throws comes back as a typed failure, and the worker lives on', async () => {
    const o = await pool.submit('throws', null).outcome;
    assert.equal(o.status, 'failed');
    assert.equal(o.status === 'failed' && o.error.code, 'PARSE_ERROR');
    assert.equal(o.status === 'failed' && o.error.location?.line, 3);
    const plain = await pool.submit('throws-plain', null).outcome;
    assert.equal(plain.status === 'failed' && plain.error.code, 'INTERNAL');
    assert.match(plain.status === 'failed' ? plain.error.message : '', /boom/);
    assert.equal((await pool.submit('echo', 1).outcome).status, 'succeeded');
  });

  test('an unknown job kind is a typed failure', async () => {
    const o = await pool.submit('no-such-job', null).outcome;
    assert.equal(o.status === 'failed' && o.error.code, 'INTERNAL');
  });

  test('cancel stops a running job cooperatively', async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const h = pool.submit('until-cancelled', null, () => started());
    await running;
    assert.equal(pool.cancel(h.id), true);
    assert.deepEqual(await h.outcome, { status: 'cancelled' });
    assert.equal(pool.cancel(h.id), false, 'a finished job cannot be cancelled again');
  });

  test('past its point of no return a job refuses cancel and finishes, even beyond the grace time; before it, cancel wins', async () => {
    let committing!: () => void;
    const reached = new Promise<void>((r) => (committing = r));
    const h = pool.submit('commits', null, (p) => p.stage === 'committing' && committing());
    await reached;
    assert.equal(pool.cancel(h.id), false, 'too late to cancel');
    // The grace time is 300 ms here; the commit takes 1.5 s and is not cut short.
    assert.deepEqual(await h.outcome, { status: 'succeeded', value: 'committed' });

    let working!: () => void;
    const started = new Promise<void>((r) => (working = r));
    const early = pool.submit('commits', null, (p) => p.stage === 'working' && working());
    await started;
    assert.equal(pool.cancel(early.id), true);
    assert.deepEqual(await early.outcome, { status: 'cancelled' });
  });

  test('work a job leaves for after its reply runs after the result has arrived, before that worker takes another job', async () => {
    const tidier = new WorkerPool({ script, size: 1, maxQueue: 3 });
    try {
      const replied = await tidier.submit('then-tidies', null).outcome;
      const arrived = Date.now();
      assert.equal(replied.status, 'succeeded');
      assert.ok(arrived - (replied.status === 'succeeded' ? (replied.value as number) : 0) < 500, 'the result came before the 800 ms of housekeeping');
      await tidier.settled();
      const settled = Date.now();
      const next = await tidier.submit('when-tidied', null).outcome;
      assert.ok(next.status === 'succeeded' && (next.value as number) > 0 && (next.value as number) <= settled, 'settled() resolved only after the housekeeping had finished');
      assert.ok(next.status === 'succeeded' && (next.value as number) >= arrived, 'the next job ran after the housekeeping');
    } finally {
      await tidier.close();
    }
  });

  test('a worker that holds more than the limit is replaced once it has been idle a while; a job that follows at once keeps it; one that holds less is kept', async () => {
    const recycling = new WorkerPool({ script, size: 1, maxQueue: 3, recycleAboveBytes: 64 * 1048576, recycleAfterIdleMs: 300 });
    try {
      const value = async (kind: string, input: unknown): Promise<number> => {
        const o = await recycling.submit(kind, input).outcome;
        assert.equal(o.status, 'succeeded');
        return (o as { value: number }).value;
      };
      const idle = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
      const first = await value('holds', 1);
      await idle(600);
      assert.equal(await value('thread-id', null), first, '1 MB held: the same worker, even after a wait');
      assert.equal(await value('holds', 100), first);
      assert.equal(await value('thread-id', null), first, '100 MB held, but the next job came at once: the warm worker took it');
      // Five times the 300 ms, so a loaded machine's late timer still fires before the next job.
      await idle(1500);
      const fresh = await value('thread-id', null);
      assert.notEqual(fresh, first, '100 MB held and idle for longer than 300 ms: a fresh worker took the next job');
      assert.equal(recycling.stats.workers, 1);
      await idle(600);
      assert.equal(await value('thread-id', null), fresh, 'the fresh worker holds little and stays');
      // settled() waits out the idle limit and the replacement's start, then the next job runs on the fresh worker.
      await value('holds', 100);
      await recycling.settled();
      const replaced = await value('thread-id', null);
      assert.notEqual(replaced, fresh, 'settled() resolved only once the worker holding 100 MB was replaced');
    } finally {
      await recycling.close();
    }
  });

  test('big arrays mapped alone count as the bytes they hold, not the ~32 MiB each is mapped as: a worker holding 40 MB of them is kept', async () => {
    const recycling = new WorkerPool({ script, size: 1, maxQueue: 3, recycleAboveBytes: 64 * 1048576, recycleAfterIdleMs: 100 });
    try {
      const value = async (kind: string, input: unknown): Promise<number> => {
        const o = await recycling.submit(kind, input).outcome;
        assert.equal(o.status, 'succeeded');
        return (o as { value: number }).value;
      };
      const first = await value('holds-big-arrays', 40);
      await new Promise((r) => setTimeout(r, 600));
      assert.equal(await value('thread-id', null), first, '20 arrays of 2 MB held (mapped as ~660 MB on glibc): the same worker');
      await value('holds', 100);
      await recycling.settled();
      assert.notEqual(await value('thread-id', null), first, 'then 100 MB more held: replaced');
    } finally {
      await recycling.close();
    }
  });

  test('a retired worker\'s replacement starts only once its thread has exited (so it reuses the memory the C allocator kept for that thread)', async () => {
    const recycling = new WorkerPool({ script, size: 1, maxQueue: 3, recycleAboveBytes: 64 * 1048576, recycleAfterIdleMs: 100 });
    // Each retired thread takes 400 ms longer to be reported gone, like a thread freeing a big heap.
    const exits: number[] = [];
    const original = Worker.prototype.terminate;
    const terminate = mock.method(Worker.prototype, 'terminate', async function (this: Worker) {
      const code = await original.call(this);
      await new Promise((r) => setTimeout(r, 400));
      exits.push(Date.now());
      return code;
    });
    try {
      const value = async (kind: string, input: unknown): Promise<number> => {
        const o = await recycling.submit(kind, input).outcome;
        assert.equal(o.status, 'succeeded');
        return (o as { value: number }).value;
      };
      const first = await value('thread-id', null);
      await value('holds', 100);
      await recycling.settled();
      assert.notEqual(await value('thread-id', null), first, 'replaced');
      assert.equal(exits.length, 1);
      assert.ok((await value('started-at', null)) >= exits[0]!, 'the fresh worker started after the old one had gone');
      // A job submitted while the old thread is still going waits for the fresh worker.
      await value('holds', 100);
      while (terminate.mock.callCount() < 2) await new Promise((r) => setTimeout(r, 10));
      assert.equal(exits.length, 1, 'submitted while the old thread is still exiting');
      assert.ok((await value('started-at', null)) >= exits[1]!);
    } finally {
      terminate.mock.restore();
      await recycling.close();
    }
  });

  test('a job that ignores cancel is stopped by terminating its worker; the pool recovers', async () => {
    const h = pool.submit('ignores-cancel', null);
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    pool.cancel(h.id);
    assert.deepEqual(await h.outcome, { status: 'cancelled' });
    assert.ok(Date.now() - t0 < 3000);
    assert.equal((await pool.submit('echo', 'after').outcome).status, 'succeeded');
    assert.equal(pool.stats.workers, 2);
  });

  test('a job queued behind one whose worker is terminated runs on the fresh worker', async () => {
    const single = new WorkerPool({ script, size: 1, maxQueue: 3, cancelGraceMs: 200 });
    try {
      const stuck = single.submit('ignores-cancel', null);
      const queued = single.submit('echo', 'queued');
      while (single.stats.running === 0) await new Promise((r) => setTimeout(r, 20));
      assert.equal(single.stats.queued, 1);
      single.cancel(stuck.id);
      assert.deepEqual(await stuck.outcome, { status: 'cancelled' });
      const o = await Promise.race([queued.outcome, new Promise((r) => setTimeout(() => r('lost'), 10_000))]);
      assert.deepEqual(o, { status: 'succeeded', value: { echoed: 'queued' } });
    } finally {
      await single.close();
    }
  });

  test('a crashing worker fails its job with WORKER_CRASHED and is replaced', async () => {
    const o = await pool.submit('crashes', null).outcome;
    assert.equal(o.status === 'failed' && o.error.code, 'WORKER_CRASHED');
    assert.equal((await pool.submit('echo', 'still here').outcome).status, 'succeeded');
  });

  test('the queue is bounded, and a queued job can be cancelled before it starts', async () => {
    const runningNow = new Set<string>();
    let bothRunning!: () => void;
    const both = new Promise<void>((r) => (bothRunning = r));
    const onProgress = (p: JobProgress): void => {
      runningNow.add(p.jobId);
      if (runningNow.size === 2) bothRunning();
    };
    const busy = [pool.submit('until-cancelled', null, onProgress), pool.submit('until-cancelled', null, onProgress)];
    await both;
    const queued = [pool.submit('echo', 1), pool.submit('echo', 2), pool.submit('echo', 3)];
    assert.throws(() => pool.submit('echo', 4), QueueFullError);
    assert.equal(pool.cancel(queued[1]!.id), true);
    assert.deepEqual(await queued[1]!.outcome, { status: 'cancelled' });
    for (const b of busy) pool.cancel(b.id);
    for (const b of busy) assert.equal((await b.outcome).status, 'cancelled');
    assert.equal((await queued[0]!.outcome).status, 'succeeded');
    assert.equal((await queued[2]!.outcome).status, 'succeeded');
  });

  test('an engine that cannot start fails jobs instead of respawning forever', async () => {
    const broken = new WorkerPool({ script: { kind: 'built', path: join(import.meta.dirname, 'no-such-worker.js') }, size: 1, maxQueue: 2 });
    const o = await broken.submit('echo', 1).outcome;
    assert.equal(o.status === 'failed' && o.error.code, 'WORKER_CRASHED');
    assert.match(o.status === 'failed' ? o.error.message : '', /could not start/);
    await broken.close();
  });
});

describe('WorkerPool with a limit on heavy jobs', () => {
  const pool = new WorkerPool({ script, size: 2, maxQueue: 8, heavy: { kinds: ['steps'], max: 1 } });
  after(() => pool.close());

  test('two heavy jobs run one after the other while a light job goes ahead beside them', async () => {
    const events: string[] = [];
    const first = pool.submit('steps', { steps: 3 }, (p) => events.push(`first ${p.stage}`));
    const second = pool.submit('steps', { steps: 2 }, (p) => events.push(`second ${p.stage}`));
    const light = pool.submit('echo', 'light');
    void first.outcome.then(() => events.push('first done'));
    void light.outcome.then(() => events.push('light done'));
    await second.outcome;
    // The light job did not wait for the heavy one; the second heavy one did.
    assert.ok(events.indexOf('light done') < events.indexOf('first done'), events.join(', '));
    assert.ok(events.indexOf('first done') < events.indexOf('second step 1'), events.join(', '));
    assert.deepEqual(
      pool.jobs().map((j) => j.kind),
      [],
    );
  });
});
