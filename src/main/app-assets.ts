/**
 * Answers an app-protocol request with a file from the built renderer. No electron: it returns a
 * standard `Response`, so app-protocol.ts is one line and this is tested under Node.
 * Files are read directly (not with net.fetch on a file: URL) so the "block every network
 * request" rule in security.ts never has to make an exception for file:.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import { SECURITY_HEADERS } from './csp';
import { mimeTypeFor, resolveAppAsset } from './protocol-path';

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function serveAppAsset(rootDir: string, requestUrl: string, method = 'GET'): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const file = resolveAppAsset(rootDir, requestUrl);
  if (!file) return textResponse(404, 'Not found');
  try {
    // A symlink inside the renderer folder must not lead outside it.
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(file)]);
    if (!realFile.startsWith(realRoot + sep)) return textResponse(404, 'Not found');
    if (!(await stat(realFile)).isFile()) return textResponse(404, 'Not found');
    const body = method === 'HEAD' ? null : await readFile(realFile);
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(realFile) } });
  } catch {
    return textResponse(404, 'Not found');
  }
}
