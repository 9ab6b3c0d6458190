import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let bundle: Promise<string> | undefined;

/** The browser bridge as one IIFE script, built once per test worker. */
export function bridgeBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('./browser-bridge.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output for the browser bridge');
    return file.text;
  });
  return bundle;
}
