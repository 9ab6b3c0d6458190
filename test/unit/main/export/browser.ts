/**
 * Headless Chromium for the export tests, through the same launcher the CLI's PDF uses. Where no
 * browser can be started the test is SKIPPED with the launcher's own message (never passed
 * silently).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, type TestContext } from 'node:test';
import type { Browser } from '@playwright/test';
import { ChromiumUnavailableError, launchChromium } from '../../../../src/main/export/chromium';

export const SCREENSHOTS = join(import.meta.dirname, '../../../../test-results/screenshots');

let shared: Promise<Browser | ChromiumUnavailableError> | undefined;

// Registered when the test file loads, so it runs once, after every test in the file.
after(async () => {
  const browser = await shared;
  if (browser && !(browser instanceof ChromiumUnavailableError)) await browser.close();
});

/** One browser per test file, closed when the file ends; null (and the test skipped) when there is none. */
export async function browserOrSkip(t: TestContext): Promise<Browser | null> {
  shared ??= launchChromium().then(
    (b) => b,
    (err: unknown) => {
      if (err instanceof ChromiumUnavailableError) return err;
      throw err;
    },
  );
  const result = await shared;
  if (result instanceof ChromiumUnavailableError) {
    t.skip(`Chromium cannot be started here, so this check did not run: ${result.message}`);
    return null;
  }
  return result;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}
