import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The CLI is the same services and engine as the app, bundled for plain Node. Runtime
// dependencies stay external (they are installed), and so does every node: builtin.
const external = [
  ...Object.keys(pkg.dependencies),
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

export default defineConfig({
  plugins: [
    {
      name: 'slicewise-cli-executable',
      // npx runs the bin through its shebang, so the built file must be executable.
      writeBundle: (options) => chmodSync(resolve(options.dir ?? 'out/cli', 'slicewise.js'), 0o755),
    },
  ],
  build: {
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    minify: false,
    rollupOptions: {
      input: {
        slicewise: resolve('src/cli/slicewise.ts'),
        'engine-worker': resolve('src/main/workers/engine-worker.ts'),
        'csv-part-worker': resolve('src/main/workers/csv-part-worker.ts'),
      },
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { format: 'es', entryFileNames: '[name].js', banner: (c) => (c.name === 'slicewise' ? '#!/usr/bin/env node' : '') },
    },
  },
});
