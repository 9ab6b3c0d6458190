/**
 * Headless Chromium for the CLI's PDF (the app prints with Electron's own printToPDF instead).
 * Playwright is a development dependency, so it is imported lazily, only when a PDF is asked for
 * (where it is not installed, pdf.ts falls back to the browser's own --print-to-pdf); without a
 * browser that can start, a ChromiumUnavailableError says so in plain words and how to fix it.
 *
 * The browser is found in this order: an explicit path; SLICEWISE_CHROMIUM_PATH or CHROMIUM_PATH;
 * Playwright's own download (chromium.executablePath()); the usual system installs of Chromium,
 * Chrome and Edge.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserType } from '@playwright/test';
import { SlicewiseError } from '../../shared/errors';

export const CHROMIUM_HINT =
  'Install Chromium or Google Chrome (on Debian/Ubuntu: apt-get install chromium), or set SLICEWISE_CHROMIUM_PATH to its executable; the HTML report (--html) needs no browser.';

export class ChromiumUnavailableError extends SlicewiseError {
  readonly reason = 'chromium-unavailable';
  constructor(
    why: string,
    readonly tried: string[],
    cause?: unknown,
  ) {
    super({
      code: 'UNAVAILABLE',
      message: `A PDF needs a Chromium browser, and ${why}. ${CHROMIUM_HINT}`,
      details: { reason: 'chromium-unavailable', tried, ...(cause instanceof Error ? { cause: cause.message.split('\n')[0] } : {}) },
    });
    this.name = 'ChromiumUnavailableError';
  }
}

/** Where Chromium-family browsers are usually installed on this platform. */
export function systemBrowserPaths(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((r) => [join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe')]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/usr/bin/microsoft-edge'];
}

/** Loads Playwright's Chromium launcher, or null when Playwright is not installed. */
export async function playwrightChromium(): Promise<BrowserType | null> {
  // Specifiers in variables: bundlers must not pull a development dependency into the CLI.
  for (const name of ['playwright-core', '@playwright/test']) {
    try {
      const mod = (await import(/* @vite-ignore */ name)) as { chromium?: BrowserType; default?: { chromium?: BrowserType } };
      const chromium = mod.chromium ?? mod.default?.chromium;
      if (chromium) return chromium;
    } catch {
      /* try the next */
    }
  }
  return null;
}

export interface ChromiumOptions {
  /** A Chromium, Chrome or Edge executable to use. */
  executablePath?: string;
}

/** The browser executable to use: the first candidate that exists. */
export function chromiumCandidates(chromium: BrowserType | null, opts: ChromiumOptions = {}): string[] {
  if (opts.executablePath) return [opts.executablePath];
  const out: string[] = [];
  for (const v of [process.env.SLICEWISE_CHROMIUM_PATH, process.env.CHROMIUM_PATH]) if (v) out.push(v);
  if (chromium) {
    try {
      out.push(chromium.executablePath());
    } catch {
      /* no browser downloaded for this Playwright */
    }
  }
  return [...out, ...systemBrowserPaths()];
}

/** The first existing browser executable; throws ChromiumUnavailableError when there is none. */
export function findChromium(chromium: BrowserType | null, opts: ChromiumOptions = {}): string {
  const tried = chromiumCandidates(chromium, opts);
  const found = tried.find((p) => existsSync(p));
  if (!found) throw new ChromiumUnavailableError('none was found', tried);
  return found;
}

/** Flags for a quiet, offline headless browser. Chromium's sandbox cannot start as root (containers, CI); elsewhere it stays on. */
export function chromiumArgs(): string[] {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return [
    ...(asRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
  ];
}

/** Starts headless Chromium through Playwright; throws ChromiumUnavailableError when it cannot. */
export async function launchChromium(opts: ChromiumOptions = {}): Promise<Browser> {
  const chromium = await playwrightChromium();
  if (!chromium) throw new ChromiumUnavailableError('Playwright (used to drive the browser) is not installed', []);
  const executablePath = findChromium(chromium, opts);
  try {
    return await chromium.launch({ executablePath, headless: true, args: chromiumArgs() });
  } catch (err) {
    throw new ChromiumUnavailableError(`the one at ${executablePath} could not be started`, [executablePath], err);
  }
}
