import { expect } from '@playwright/test';
import { test } from '../harness/fixtures';

test.use({ firstLaunchExample: 'loan-applications' });

test('the first launch opens on the shipped example by itself', async ({ harness, page }) => {
  await page.goto(harness.url);
  await expect(page.getByTestId('preview-screen')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/2,024 rows and 18 columns/)).toBeVisible();
});
