/**
 * The renderer e2e harness: the built renderer in Chromium, with `window.slicewise` backed by the
 * REAL main-side services (real project files in a temp folder, real worker pool) running in the
 * test's Node process. Only the native dialogs are scripted. Every request that would leave
 * 127.0.0.1 is blocked and recorded; CSP violations and page errors fail the test.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import { CHANNEL_PREFIX, eventChannel, type EventName, type Events, type JobFinished, type MenuCommand } from '../../../src/shared/contract';
import { bridgeBundle } from './bridge-bundle';
import { engineWorkerForTests } from './renderer-build';
import { repoRoot, screenshotPath } from './paths';
import { ScriptedDialogs } from './scripted-dialogs';
import { rendererDir, startStaticServer, type StaticServer } from './static-server';

/** One event as main emitted it; a union over event names, so checking `name` narrows `payload`. */
export type RecordedEvent = { [E in EventName]: { name: E; payload: Events[E] } }[EventName];

export interface Harness {
  /** The page's origin, e.g. http://127.0.0.1:40123/ */
  url: string;
  tempDir: string;
  userDataDir: string;
  projectsDir: string;
  dialogs: ScriptedDialogs;
  /** The services currently behind the page (replaced by `restart`). */
  readonly services: AppServices;
  /** Every event the services emitted, in order, across restarts. */
  events: RecordedEvent[];
  /** URLs of every request the page made, and those blocked because they left 127.0.0.1. */
  requests: string[];
  blocked: string[];
  /** Loads the app (first launch). */
  launch(): Promise<void>;
  /** Quits and relaunches: new services over the same settings and project files, page reloaded. */
  restart(): Promise<void>;
  /** Makes a file droppable/pickable: the page's `pathForFile` will map its name to `path`. */
  provideFile(path: string): Promise<string>;
  /** Pushes an application-menu command, as main does when the person uses the menu. */
  menu(command: MenuCommand): Promise<void>;
  finishedJobs(): JobFinished[];
  screenshot(name: string): Promise<void>;
}

const CHROMIUM_HINT = 'Install it with `apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.';

export const test = base.extend<{ harness: Harness; firstLaunchExample: string | undefined }, { serverForWorker: StaticServer }>({
  /** Set with test.use() to start like Electron's first launch (the example opens by itself). */
  firstLaunchExample: [undefined, { option: true }],
  // Fail with a clear message before Playwright tries (and fails obscurely) to launch a browser.
  launchOptions: [
    async ({ launchOptions }, use) => {
      const path = launchOptions.executablePath;
      if (path && !existsSync(path)) throw new Error(`No Chromium found at ${path}. ${CHROMIUM_HINT}`);
      await use(launchOptions);
    },
    { scope: 'worker' },
  ],

  serverForWorker: [
    // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // global-setup.ts serves a private copy of out/renderer for the run.
      const root = process.env.SLICEWISE_E2E_RENDERER_DIR ?? rendererDir(repoRoot);
      if (!existsSync(join(root, 'index.html'))) {
        throw new Error(`${root}/index.html is missing: run "npx electron-vite build" first.`);
      }
      const server = await startStaticServer(root);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  harness: async ({ page, serverForWorker, firstLaunchExample }, use, testInfo) => {
    const tempDir = await mkdtemp(join(tmpdir(), 'slicewise-e2e-'));
    const userDataDir = join(tempDir, 'user-data');
    const projectsDir = join(tempDir, 'projects');
    await mkdir(userDataDir, { recursive: true });
    const origin = new URL(serverForWorker.url).host;
    const dialogs = new ScriptedDialogs();
    const workerScript = engineWorkerForTests(repoRoot);
    const events: RecordedEvent[] = [];
    const requests: string[] = [];
    const blocked: string[] = [];
    const problems: string[] = [];

    // Events reach the page in the order they were emitted, even though each is its own evaluate.
    let delivery: Promise<unknown> = Promise.resolve();
    let generation = 0;
    const makeServices = (): AppServices => {
      const mine = ++generation;
      return createAppServices({
        appVersion: '0.0.0-e2e',
        host: 'browser-harness',
        userDataDir,
        projectsDir,
        resourcesDir: join(repoRoot, 'resources'),
        dialogs,
        workers: 1,
        workerScript,
        ...(firstLaunchExample ? { firstLaunchExample } : {}),
        events: {
          emit(name, payload) {
            if (mine !== generation) return; // a relaunched app does not hear the old one
            // `name` and `payload` are tied by the EventSink signature; TS cannot see it through the generic.
            events.push({ name, payload } as RecordedEvent);
            const script = `window.__slicewiseDispatch(${JSON.stringify(eventChannel(name))}, ${JSON.stringify(payload)})`;
            delivery = delivery.then(() => page.evaluate(script)).catch(() => undefined);
          },
        },
      });
    };
    let services = makeServices();

    await page.context().route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).host === origin) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    page.on('request', (req) => requests.push(req.url()));
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(`CSP: ${msg.text()}`);
    });

    const requestPrefix = `${CHANNEL_PREFIX}req:`;
    await page.exposeBinding('__slicewiseInvoke', async (_source, channel: unknown, input: unknown) => {
      if (typeof channel !== 'string' || !channel.startsWith(requestPrefix)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: `"${String(channel)}" is not a Slicewise request channel.` } };
      }
      return services.router.handle(channel.slice(requestPrefix.length), input);
    });
    await page.addInitScript({ content: await bridgeBundle() });

    const harness: Harness = {
      url: serverForWorker.url,
      tempDir,
      userDataDir,
      projectsDir,
      dialogs,
      get services() {
        return services;
      },
      events,
      requests,
      blocked,
      async launch() {
        await page.goto(serverForWorker.url);
        await expect(page.getByTestId('home-screen')).toBeVisible();
      },
      async restart() {
        await services.shutdown();
        services = makeServices();
        await page.reload();
        await expect(page.getByTestId('home-screen')).toBeVisible();
      },
      async provideFile(path) {
        const name = basename(path);
        await page.evaluate(`window.__slicewiseFilePaths[${JSON.stringify(name)}] = ${JSON.stringify(path)}`);
        return name;
      },
      async menu(command) {
        events.push({ name: 'menuCommand', payload: { command } });
        await page.evaluate(`window.__slicewiseDispatch(${JSON.stringify(eventChannel('menuCommand'))}, ${JSON.stringify({ command })})`);
      },
      finishedJobs: () => events.flatMap((e) => (e.name === 'jobFinished' ? [e.payload] : [])),
      async screenshot(name) {
        const path = screenshotPath(name);
        await page.screenshot({ path, fullPage: true, animations: 'disabled' });
        await testInfo.attach(name, { path, contentType: 'image/png' });
      },
    };

    try {
      await use(harness);
    } finally {
      await services.shutdown().catch(() => undefined);
      await delivery;
      await rm(tempDir, { recursive: true, force: true, maxRetries: 3 });
    }
    expect(problems, 'the page reported errors or CSP violations').toEqual([]);
    expect(blocked, 'requests tried to leave the machine').toEqual([]);
  },
});

export { expect, type Page };
