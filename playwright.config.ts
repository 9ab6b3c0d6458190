/**
 * Renderer end-to-end tests: the built renderer in Debian's Chromium with the real main-side
 * services behind `window.slicewise` (see test/e2e/harness/fixtures.ts). Electron tests live in
 * test/e2e/electron and get their own project.
 */
import { defineConfig } from '@playwright/test';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e-artifacts',
  globalSetup: './test/e2e/harness/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  // On CI (.ci/run sets CI=1) a failed test runs once more; one that passes then counts as flaky and is
  // named in the summary (scripts/test.mjs), so a flake is seen without failing the landing.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: ['electron/**'],
      use: {
        browserName: 'chromium',
        launchOptions: {
          // The fixture in test/e2e/harness fails with an install hint when this path is missing.
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    {
      // The real app; each spec skips itself, with the reason, where no Electron binary exists.
      name: 'electron',
      testDir: 'test/e2e/electron',
      timeout: 60_000,
    },
  ],
});
