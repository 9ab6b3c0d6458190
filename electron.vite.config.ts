import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Main bundles three entries: the app (index), the engine worker, which the worker pool loads
// from the same folder at run time, and the helper that reads half of a big CSV, which the engine
// worker finds beside itself (see src/main/engine-host/worker-entry.ts).
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'engine-worker': resolve('src/main/workers/engine-worker.ts'),
          'csv-part-worker': resolve('src/main/workers/csv-part-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but electron: bundle its dependencies (zod).
      externalizeDeps: false,
      // A sandboxed preload cannot be an ES module.
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    plugins: [react()],
    build: { minify: true },
  },
});
