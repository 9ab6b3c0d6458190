import assert from 'node:assert/strict';
import { type MetricValue } from '../../../../src/shared/metrics/types';

/** |actual − expected| <= tol, with a message that shows both numbers. */
export function assertClose(actual: number | null | undefined, expected: number, tol = 1e-12, label = ''): void {
  assert.ok(
    typeof actual === 'number' && Math.abs(actual - expected) <= tol,
    `${label} expected ${expected} ± ${tol}, got ${actual}`,
  );
}

export function assertValue(metric: MetricValue, expected: number, tol = 1e-12, label = ''): void {
  assert.equal(metric.reason, undefined, `${label} unexpected reason: ${metric.reason}`);
  assertClose(metric.value, expected, tol, label);
}

export function assertUndefined(metric: MetricValue, reason: string, label = ''): void {
  assert.equal(metric.value, null, `${label} expected null, got ${metric.value}`);
  assert.equal(metric.reason, reason, label);
}

export function assertArrayClose(actual: ArrayLike<number>, expected: readonly number[], tol = 1e-12): void {
  assert.equal(actual.length, expected.length, `length ${actual.length} vs ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = actual[i]!;
    assert.ok(a === e || Math.abs(a - e) <= tol, `[${i}] expected ${e}, got ${a}`);
  }
}

export const u8 = (values: number[]): Uint8Array => Uint8Array.from(values);
export const f64 = (values: number[]): Float64Array => Float64Array.from(values);
export const i32 = (values: number[]): Int32Array => Int32Array.from(values);
