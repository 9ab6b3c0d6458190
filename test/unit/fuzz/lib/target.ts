/**
 * A fuzz target: how to generate cases (a fast-check arbitrary) and how to run one. `run` returns
 * a short label for the outcome ("table", "PARSE_ERROR", …) so the runner can say what the cases
 * ended in, and throws (an assertion) when the reader misbehaves.
 */
import type fc from 'fast-check';

export interface FuzzTarget<T = unknown> {
  arbitrary: fc.Arbitrary<T>;
  run(input: T, dir: string): Promise<string> | string;
}

export type Outcomes = Record<string, number>;
