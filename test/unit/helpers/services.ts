/**
 * The app's real services behind the router, as the renderer reaches them, for unit tests: a temp
 * folder, recorded events, `call` (a request that must succeed) and `finished` (a job's outcome).
 */
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import type { Dialogs } from '../../../src/main/services/ports';
import type { EventName, Events, JobFinished } from '../../../src/shared/contract';
import { tempDir } from './temp';

export const REPO_ROOT = join(import.meta.dirname, '../../..');

export interface TestServices {
  dir: string;
  services: AppServices;
  events: { name: EventName; payload: unknown }[];
  call: <T>(name: string, input: unknown) => Promise<T>;
  finished: (jobId: string) => Promise<JobFinished>;
}

export function testServices(dialogs: Partial<Dialogs> = {}, config: { totalMemory?: number } = {}): TestServices {
  const dir = tempDir();
  const events: { name: EventName; payload: unknown }[] = [];
  const services = createAppServices({
    appVersion: '1.2.3',
    host: 'browser-harness',
    userDataDir: join(dir, 'user'),
    projectsDir: join(dir, 'projects'),
    resourcesDir: join(REPO_ROOT, 'resources'),
    dialogs: { chooseProjectFile: async () => null, chooseDataFile: async () => null, chooseSavePath: async () => null, ...dialogs },
    events: { emit: <E extends EventName>(name: E, payload: Events[E]) => events.push({ name, payload }) },
    workers: 1,
    ...config,
  });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await services.router.handle(name, input);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  const finished = (jobId: string): Promise<JobFinished> =>
    new Promise((resolve) => {
      const poll = (): void => {
        const e = events.find((x) => x.name === 'jobFinished' && (x.payload as JobFinished).jobId === jobId);
        if (e) resolve(e.payload as JobFinished);
        else setTimeout(poll, 10);
      };
      poll();
    });
  return { dir, services, events, call, finished };
}
