/**
 * The main-side boundary: every request is checked against the contract before any work, then
 * routed to its handler. Errors come back as typed values (code + plain message), never thrown.
 * No electron here: the Electron IPC glue and the browser test harness both call `handle`.
 */
import { z } from 'zod';
import { requests, type ParsedInput, type RequestName, type RequestOutput } from '../shared/contract';
import { toErrorData, type Result } from '../shared/errors';

export type RequestHandlers = {
  [K in RequestName]: (input: ParsedInput<K>) => Promise<RequestOutput<K>> | RequestOutput<K>;
};

export interface Router {
  handle(name: string, input: unknown): Promise<Result<unknown>>;
}

const isRequestName = (name: string): name is RequestName => Object.prototype.hasOwnProperty.call(requests, name);

export function createRouter(handlers: RequestHandlers): Router {
  return {
    async handle(name, input) {
      if (!isRequestName(name)) {
        return { ok: false, error: { code: 'UNKNOWN_REQUEST', message: `"${String(name).slice(0, 80)}" is not a Slicewise request.` } };
      }
      const parsed = requests[name].input.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: 'INVALID_REQUEST',
            message: `The request "${name}" was refused: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`,
            details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
          },
        };
      }
      try {
        const handler = handlers[name] as (input: unknown) => unknown;
        const value = await handler(parsed.data);
        return { ok: true, value };
      } catch (err) {
        return { ok: false, error: toErrorData(err) };
      }
    },
  };
}
