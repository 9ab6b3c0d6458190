import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rules (eslint.config.js)', () => {
  const forbidden: [string, string][] = [
    ['src/renderer/src/screens/Bad.tsx', "import Database from 'better-sqlite3';"],
    ['src/renderer/src/Bad.ts', "import { ipcRenderer } from 'electron';"],
    ['src/renderer/src/Bad.ts', "import { readFileSync } from 'node:fs';"],
    ['src/renderer/src/Bad.ts', "import { readFileSync } from 'fs';"],
    ['src/renderer/src/Bad.ts', "import { ProjectDb } from '../../main/store/project-db';"],
    ['src/shared/bad.ts', "import { join } from 'node:path';"],
    ['src/shared/bad.ts', "import { useState } from 'react';"],
    ['src/shared/bad.ts', "import { createRouter } from '../main/router';"],
    ['src/main/services/bad.ts', "import { app } from 'electron';"],
    ['src/main/store/bad.ts', "import type { BrowserWindow } from 'electron';"],
    ['src/cli/bad.ts', "import { app } from 'electron';"],
    ['src/main/bad.ts', "import { App } from '../renderer/src/App';"],
  ];
  for (const [file, code] of forbidden) {
    test(`${file}: ${code} is an error`, async () => {
      const errors = await layeringErrors(file, code);
      assert.equal(errors.length, 1, `expected a layering error, got ${JSON.stringify(errors)}`);
    });
  }

  const allowed: [string, string][] = [
    ['src/renderer/src/Ok.ts', "import { requests } from '../../shared/contract';"],
    ['src/main/services/ok.ts', "import { readFileSync } from 'node:fs';"],
    ['src/main/index.ts', "import { app } from 'electron';"],
    ['src/main/ipc.ts', "import { ipcMain } from 'electron';"],
    ['src/shared/ok.ts', "import { z } from 'zod';"],
  ];
  for (const [file, code] of allowed) {
    test(`${file}: ${code} is allowed`, async () => {
      assert.deepEqual(await layeringErrors(file, code), []);
    });
  }
});
