import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completeRows, nanMask, takeRows } from '../../../../src/shared/metrics/missing-rows';
import { f64, u8 } from './assert-close';

describe('completeRows', () => {
  test('drops rows missing in any mask and counts them', () => {
    const target = u8([0, 1, 0, 0, 0]);
    const score = u8([0, 0, 0, 1, 0]);
    const { rows, excluded } = completeRows(5, [target, undefined, score]);
    assert.deepEqual(Array.from(rows), [0, 2, 4]);
    assert.equal(excluded, 2);
  });
  test('no masks keeps everything; a mask of the wrong length is a caller bug', () => {
    assert.deepEqual(Array.from(completeRows(3, []).rows), [0, 1, 2]);
    assert.throws(() => completeRows(3, [u8([0])]), /3 rows/);
  });
  test('nanMask and takeRows select aligned values', () => {
    const values = f64([0.5, NaN, 0.25]);
    const { rows } = completeRows(3, [nanMask(values)]);
    const kept = takeRows(values, rows);
    assert.ok(kept instanceof Float64Array);
    assert.deepEqual(Array.from(kept), [0.5, 0.25]);
    assert.deepEqual(Array.from(takeRows(u8([1, 0, 1]), rows)), [1, 1]);
  });
});
