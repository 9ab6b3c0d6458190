/**
 * Fuzzes the IPC boundary: random request names and random payloads (JSON values, values the
 * structured clone can carry — Dates, Maps, typed arrays, BigInts, sparse arrays, objects
 * without a prototype — and near-valid payloads built from the contract's own field names with
 * plausible and hostile values) thrown at createRouter with handlers that record their calls and
 * sometimes throw anything at all. Properties:
 *   - handle() always resolves (never throws, never rejects) to { ok: true, value } or to
 *     { ok: false, error } where error is typed error data with a known code and words;
 *   - a handler runs only for a contract request, at most once, and only with input that passes
 *     its schema (so invalid input never reaches a handler); unknown names and invalid payloads
 *     come back as UNKNOWN_REQUEST / INVALID_REQUEST without any handler running;
 *   - nothing a payload carries (a "__proto__" key) pollutes Object.prototype.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createRouter, type RequestHandlers } from '../../../src/main/router';
import { REQUEST_NAMES, requests, type RequestName } from '../../../src/shared/contract';
import { ERROR_CODES, SlicewiseError, isErrorData } from '../../../src/shared/errors';
import { runsMultiplier } from './lib/runner';

const RUNS = Math.round(10_000 * runsMultiplier());
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 0x1bc001;

/** Field names the contract's input objects use (from the zod shapes), to build near-valid payloads. */
function fieldNames(): string[] {
  const names = new Set<string>();
  const visit = (schema: unknown, depth: number): void => {
    if (depth > 4 || typeof schema !== 'object' || schema === null) return;
    const s = schema as { shape?: Record<string, unknown>; def?: { innerType?: unknown; element?: unknown; options?: unknown[] } };
    if (s.shape) {
      for (const [k, v] of Object.entries(s.shape)) {
        names.add(k);
        visit(v, depth + 1);
      }
    }
    visit(s.def?.innerType, depth + 1);
    visit(s.def?.element, depth + 1);
    for (const o of s.def?.options ?? []) visit(o, depth + 1);
  };
  for (const name of REQUEST_NAMES) visit(requests[name].input, 0);
  return [...names];
}

const FIELDS = fieldNames();
const UUID = '2b1e6f0a-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

/** Values that fit some field somewhere, and values that fit none. */
const plausible = fc.oneof(
  fc.constantFrom(UUID, '00000000-0000-0000-0000-000000000000', '/data/a.csv', 'C:\\data\\a.xlsx', '../../etc/passwd', 'a\0b', '', ' ', 'x'.repeat(5000), 'html', 'pdf', 'csv', 'mask', 'include', 'error', 'keep', ',', '\t', 'utf-8'),
  fc.constantFrom(0, 1, -1, 1.5, 500, 501, 2 ** 31, Number.MAX_SAFE_INTEGER, NaN, Infinity, -0, true, false, null),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.uuid(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
);
const nearValid = fc.dictionary(fc.oneof({ arbitrary: fc.constantFrom(...FIELDS), weight: 9 }, { arbitrary: fc.string({ maxLength: 8 }), weight: 1 }), fc.oneof({ arbitrary: plausible, weight: 4 }, { arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), plausible, { maxKeys: 4 }), weight: 1 }), { maxKeys: 6 });

/** A value that fits the field of this name in most requests (ids, paths, small numbers). */
function likelyFor(key: string): fc.Arbitrary<unknown> {
  if (key === 'projectId') return fc.constant(UUID);
  if (/Id$/.test(key) && key !== 'jobId' && key !== 'exampleId') return fc.integer({ min: 1, max: 50 });
  if (key === 'path') return fc.constantFrom('/data/a.csv', '/data/b.parquet');
  if (key === 'offset') return fc.constant(0);
  if (key === 'limit') return fc.integer({ min: 1, max: 500 });
  if (key === 'accept') return fc.boolean();
  if (key === 'name' || key === 'jobId' || key === 'exampleId') return fc.constantFrom('A project', 'job-1', 'patients');
  return plausible;
}

/** A payload for one request built from its own fields: often valid, often one value off. */
const tailored = fc.constantFrom(...REQUEST_NAMES).chain((name) => {
  const shape = (requests[name].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const fields = Object.fromEntries(Object.keys(shape).map((k) => [k, fc.oneof({ arbitrary: likelyFor(k), weight: 4 }, { arbitrary: plausible, weight: 1 })]));
  return fc.tuple(fc.constant(name as string), fc.record(fields, { requiredKeys: [] }));
});

const hostile = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__": {"polluted": true}, "projectId": "2b1e6f0a-3c4d-4e5f-8a9b-0c1d2e3f4a5b"}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  Object.create(null),
  Object.assign(Object.create(null), { projectId: UUID }),
  [],
  [UUID],
  new Date(NaN),
  new Map([['projectId', UUID]]),
  new Uint8Array(8),
  10n,
  undefined,
  Symbol.iterator,
);

const payload = fc.oneof(
  { arbitrary: nearValid, weight: 6 },
  { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 3 },
  { arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true }), weight: 2 },
  { arbitrary: hostile, weight: 1 },
);
const requestName = fc.oneof(
  { arbitrary: fc.constantFrom(...REQUEST_NAMES), weight: 8 },
  { arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'deleteEverything', 'getProject ', 'GETPROJECT'), weight: 1 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
);

/** What a handler does when it runs: return a value, or throw something (typed or not). */
const behaviour = fc.constantFrom<'value' | 'slicewise' | 'error' | 'string' | 'undefined' | 'data' | 'bad-data' | 'reject'>('value', 'value', 'slicewise', 'error', 'string', 'undefined', 'data', 'bad-data', 'reject');

function act(how: string): unknown {
  switch (how) {
    case 'slicewise':
      throw new SlicewiseError({ code: 'NOT_FOUND', message: 'no such thing' });
    case 'error':
      throw new TypeError('handler bug');
    case 'string':
      throw 'a string';
    case 'undefined':
      throw undefined;
    case 'data':
      throw { code: 'CANCELLED', message: 'stopped' };
    case 'bad-data':
      throw { code: 'NO_SUCH_CODE', message: 42 };
    case 'reject':
      return Promise.reject(new RangeError('async handler bug'));
    default:
      return { fine: true };
  }
}

test('IPC router: random requests never throw, never reach a handler unvalidated, and always come back as typed results', async (t) => {
  const calls: { name: string; input: unknown }[] = [];
  let how = 'value';
  const handlers = Object.fromEntries(
    REQUEST_NAMES.map((name) => [
      name,
      (input: unknown) => {
        calls.push({ name, input });
        return act(how);
      },
    ]),
  ) as unknown as RequestHandlers;
  const router = createRouter(handlers);
  const tally: Record<string, number> = {};

  await fc.assert(
    fc.asyncProperty(fc.oneof({ arbitrary: fc.tuple(requestName, payload), weight: 1 }, { arbitrary: tailored, weight: 1 }), behaviour, async ([name, input], b) => {
      calls.length = 0;
      how = b;
      let result: Awaited<ReturnType<typeof router.handle>>;
      try {
        result = await router.handle(name, input);
      } catch (err) {
        assert.fail(`handle() threw: ${String(err)}`);
      }
      assert.ok(calls.length <= 1, 'a handler ran more than once');
      const known = REQUEST_NAMES.includes(name as RequestName);
      if (!known) {
        assert.equal(calls.length, 0, 'a handler ran for an unknown request');
        assert.equal(!result.ok && result.error.code, 'UNKNOWN_REQUEST');
      }
      if (calls.length === 1) {
        // It ran: for this request, with input its schema accepts (the parsed data, not the raw payload).
        assert.equal(calls[0]!.name, name);
        assert.ok(requests[name as RequestName].input.safeParse(input).success, 'an invalid payload reached a handler');
        assert.ok(requests[name as RequestName].input.safeParse(calls[0]!.input).success, 'the handler got input its schema refuses');
      } else if (known) {
        assert.equal(result.ok, false);
        assert.equal(!result.ok && result.error.code, 'INVALID_REQUEST', 'a valid payload did not reach its handler');
      }
      if (result.ok) {
        assert.equal(calls.length, 1);
        assert.deepEqual(result.value, { fine: true });
      } else {
        assert.ok(isErrorData(result.error), `not typed error data: ${JSON.stringify(result.error)}`);
        assert.ok((ERROR_CODES as readonly string[]).includes(result.error.code));
        assert.ok(typeof result.error.message === 'string' && result.error.message.length > 0);
        if (b === 'slicewise' && calls.length === 1) assert.equal(result.error.code, 'NOT_FOUND');
      }
      const label = result.ok ? 'ok' : result.error.code;
      tally[label] = (tally[label] ?? 0) + 1;
    }),
    { seed: SEED, numRuns: RUNS },
  );
  assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
  t.diagnostic(`fuzz ipc: ${RUNS} cases (seed ${SEED}); ${Object.entries(tally).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  // The generators must reach handlers often enough for the properties above to mean something.
  assert.ok((tally.ok ?? 0) + (tally.NOT_FOUND ?? 0) + (tally.INTERNAL ?? 0) > RUNS / 100, 'too few generated requests were valid');
});
