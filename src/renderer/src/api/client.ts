/**
 * The renderer's one way to talk to main: a typed wrapper over `window.slicewise` that unwraps
 * each `Result` into its value or throws an `ApiError` carrying the typed code and message.
 */
import type { EventName, Events, RequestInput, RequestName, RequestOutput } from '../../../shared/contract';
import { eventMethodName } from '../../../shared/contract';
import { SlicewiseError, type Result, type SlicewiseErrorData } from '../../../shared/errors';

/** An error main returned, as the shared error type (same fields, same `toData`). */
export class ApiError extends SlicewiseError {
  constructor(data: SlicewiseErrorData) {
    super(data);
    this.name = 'ApiError';
  }
}

export const hasBridge = (): boolean => typeof window !== 'undefined' && 'slicewise' in window && window.slicewise !== undefined;

export async function request<K extends RequestName>(name: K, input: RequestInput<K>): Promise<RequestOutput<K>> {
  // The mapped API type cannot be indexed by a generic key without help; the shape is the contract's.
  const method = window.slicewise[name] as (input: RequestInput<K>) => Promise<Result<RequestOutput<K>>>;
  const result = await method(input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function subscribe<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
  const method = window.slicewise[eventMethodName(name)] as (l: (payload: Events[E]) => void) => () => void;
  return method(listener);
}

export const pathForFile = (file: File): string => window.slicewise.pathForFile(file);

/** Any thrown thing as error data the screens can show. */
export function asErrorData(err: unknown): SlicewiseErrorData {
  if (err instanceof ApiError) return err.toData();
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}
