/**
 * Maps an `app://slicewise/...` URL to a file under the built renderer folder, or null.
 * Pure (no electron) so the path-traversal guard is unit-tested under Node. It rejects rather
 * than "normalises" anything suspicious: a legitimate renderer never asks for `..`, encoded
 * separators or other hosts, so any such request is a bug or an attack and gets a 404.
 */
import { isAbsolute, join, relative, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'slicewise';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// Encoded dot, slash, backslash and NUL: none belongs in a renderer asset URL.
const ENCODED_DANGER = /%(2e|2f|5c|00)/i;

/** The raw path part of a URL string, before any parser normalises dot segments away. */
function rawPath(url: string): string {
  const afterScheme = url.slice(url.indexOf('://') + 3);
  const slash = afterScheme.indexOf('/');
  const path = slash === -1 ? '' : afterScheme.slice(slash);
  return path.split(/[?#]/, 1)[0] ?? '';
}

export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  if (typeof requestUrl !== 'string' || requestUrl.includes('\0') || requestUrl.includes('\\')) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return null;
  if (url.port !== '' || url.username !== '' || url.password !== '') return null;

  const raw = rawPath(requestUrl);
  if (ENCODED_DANGER.test(raw)) return null;
  const rawSegments = raw.split('/').slice(1);
  if (rawSegments.some((s) => s === '.' || s === '..')) return null;

  const pathname = url.pathname === '' || url.pathname === '/' ? '/index.html' : url.pathname;
  const segments: string[] = [];
  for (const encoded of pathname.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return null; // malformed percent-encoding
    }
    // Empty segments (`//`, trailing `/`) would name a folder; `:` covers Windows drives and streams;
    // a `%` left after decoding means double encoding, which only an attacker would send.
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:%\0]/.test(segment)) return null;
    segments.push(segment);
  }

  const file = join(rootDir, ...segments);
  const rel = relative(rootDir, file);
  // Final guard, independent of the checks above: the result must stay strictly inside rootDir.
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return file;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(file: string): string {
  const dot = file.lastIndexOf('.');
  const ext = dot === -1 ? '' : file.slice(dot).toLowerCase();
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}
