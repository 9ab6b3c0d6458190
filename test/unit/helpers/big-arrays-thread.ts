/** A thread that starts as an engine worker does with big arrays (big-arrays.test.ts): says what it sees. */
import { parentPort } from 'node:worker_threads';
import { mapBigArraysAloneOnGlibc } from '../../../src/main/engine-host/glibc-arrays';
import { bigArraysMappedAlone, float64s } from '../../../src/shared/big-arrays';

const before = bigArraysMappedAlone();
const on = mapBigArraysAloneOnGlibc();
parentPort!.postMessage({ before, on, after: bigArraysMappedAlone(), bytes: float64s(1 << 20).buffer.byteLength });
