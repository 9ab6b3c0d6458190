/**
 * The app's own PDF (Electron's printToPDF, src/main/print-pdf.ts): a run of the example exported
 * through the real request, the save dialog answered by a stub in the main process. Page 1 must be
 * the one-page summary, and personal data must stay masked.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compact, extractPdfText } from '../../unit/main/export/pdf-text';
import { binary, expect, SKIP_REASON, test } from './electron-app';

test.skip(!binary, SKIP_REASON);

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

test('a check-up of the example exports to PDF: the summary first, the details after, no personal data', async ({ app, page }) => {
  test.setTimeout(180_000);
  const out = join(await mkdtemp(join(tmpdir(), 'slicewise-pdf-')), 'report.pdf');
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
  }, out);
  const call = async <T>(expr: string): Promise<T> => {
    const r = (await page.evaluate(expr)) as Result<T>;
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  const { project } = await call<{ project: { id: string } }>(`window.slicewise.openExample({ exampleId: 'loan-applications' })`);
  let datasetId = 0;
  await expect.poll(async () => (datasetId = (await call<{ datasets: { id: number }[] }>(`window.slicewise.getProject({ projectId: '${project.id}' })`)).datasets[0]?.id ?? 0), { timeout: 60_000 }).toBeGreaterThan(0);
  await call(`window.slicewise.startCheckup({ projectId: '${project.id}', datasetId: ${datasetId} })`);
  let runId = 0;
  await expect.poll(async () => (runId = (await call<{ id: number }[]>(`window.slicewise.listRuns({ projectId: '${project.id}' })`))[0]?.id ?? 0), { timeout: 90_000 }).toBeGreaterThan(0);
  const outcome = await call<{ status: string; path?: string }>(`window.slicewise.exportRun({ projectId: '${project.id}', runId: ${runId}, format: 'pdf' })`);
  expect(outcome).toMatchObject({ status: 'written', path: out });
  const bytes = readFileSync(out);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const { pages } = extractPdfText(bytes);
  expect(pages.length).toBeGreaterThanOrEqual(3);
  expect(compact(pages[0]!)).toContain(compact('What needs attention first'));
  expect(compact(pages.join(''))).not.toContain('@example.com');
});
