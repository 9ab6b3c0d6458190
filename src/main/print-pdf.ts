/**
 * Electron glue: prints an HTML report to PDF with webContents.printToPDF in a hidden, sandboxed
 * window (the HTML is self-contained and carries its own CSP; the app's session blocks every
 * outgoing request). Waits for the report's charts to be drawn before printing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { writeFileAtomic } from './export/atomic-write';
import { A4_CONTENT_WIDTH_PX } from './export/pdf';
import type { PrintPdf } from './services/export-service';

export function createPdfPrinter(): PrintPdf {
  return async (html, outPath) => {
    const dir = await mkdtemp(join(tmpdir(), 'slicewise-print-'));
    const page = join(dir, 'report.html');
    const win = new BrowserWindow({
      show: false,
      width: A4_CONTENT_WIDTH_PX,
      height: 1200,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true },
    });
    try {
      await writeFile(page, html);
      await win.loadFile(page);
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && !(await win.webContents.executeJavaScript('document.documentElement.hasAttribute("data-charts-ready")'))) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const pdf = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
      return await writeFileAtomic(outPath, pdf);
    } finally {
      win.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
