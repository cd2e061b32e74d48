/**
 * The app server's static files (the built app and the SLDS assets): validators for revalidation (ETag and
 * Last-Modified, answered with 304), and text compressed with brotli or gzip as the browser accepts: the build's
 * own .br/.gz copies when present, otherwise compressed once and kept in memory.
 */
import { createReadStream, existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** Hashed chunk names change with their content: a browser keeps them a year without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Text is worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.map']);
/** Below this a compressed copy saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;
/** What the in-memory copies may hold at most (the SLDS stylesheet and icon sprites are a few MB). */
const MAX_CACHED_BYTES = 64 * 1024 * 1024;

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer with from an Accept-Encoding header (RFC 9110 12.5.3): brotli before gzip, each
 * only with a quality above 0, `*` standing for either when not named; none for a missing header.
 */
export function acceptedEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const quality = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    quality.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const acceptable = (encoding: Encoding): boolean => (quality.get(encoding) ?? quality.get('*') ?? 0) > 0;
  if (acceptable('br')) return 'br';
  if (acceptable('gzip')) return 'gzip';
  return undefined;
}

const etagOf = (stat: Stats): string => `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;

/** True when the request's validators say the browser's copy is current (If-None-Match wins over the date). */
function notModified(req: IncomingMessage, etag: string, stat: Stats): boolean {
  const match = req.headers['if-none-match'];
  if (match !== undefined)
    return match
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === etag || tag === '*');
  const since = req.headers['if-modified-since'];
  if (since === undefined) return false;
  const date = Date.parse(since);
  return Number.isFinite(date) && Math.floor(stat.mtimeMs / 1000) * 1000 <= date;
}

const cache = new Map<string, Buffer>();
let cachedBytes = 0;

/** A compressed copy of a file, made once per version of the file (its ETag) and kept in memory. */
function compressedCopy(path: string, etag: string, encoding: Encoding, read: () => Buffer): Buffer {
  const key = `${encoding} ${etag} ${path}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const source = read();
  // Quick levels: this runs while a browser waits; the build writes its chunks at the highest ones.
  const copy =
    encoding === 'br'
      ? brotliCompressSync(source, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: source.length },
        })
      : gzipSync(source, { level: 6 });
  if (cachedBytes + copy.length > MAX_CACHED_BYTES) {
    cache.clear();
    cachedBytes = 0;
  }
  cache.set(key, copy);
  cachedBytes += copy.length;
  return copy;
}

/**
 * Answers a GET or HEAD of a file with its type, the given Cache-Control, ETag and Last-Modified, compressed
 * when the browser accepts it (Vary: Accept-Encoding), or 304 when the browser's copy is current.
 */
export function sendStatic(req: IncomingMessage, res: ServerResponse, path: string, cacheControl: string): void {
  const stat = statSync(path);
  const etag = etagOf(stat);
  const type = extname(path);
  const compressible = COMPRESSIBLE.has(type) && stat.size >= MIN_COMPRESS_BYTES;
  const headers: Record<string, string> = {
    'Cache-Control': cacheControl,
    ETag: etag,
    'Last-Modified': stat.mtime.toUTCString(),
  };
  if (compressible) headers.Vary = 'Accept-Encoding';
  if (notModified(req, etag, stat)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers['Content-Type'] = CONTENT_TYPES[type] ?? 'application/octet-stream';
  const encoding = compressible ? acceptedEncoding(req.headers['accept-encoding']) : undefined;
  if (encoding) {
    headers['Content-Encoding'] = encoding;
    const sibling = `${path}.${encoding === 'br' ? 'br' : 'gz'}`;
    // The build's copy only if it is not older than the file it stands for.
    if (existsSync(sibling) && statSync(sibling).mtimeMs >= stat.mtimeMs) {
      const size = statSync(sibling).size;
      res.writeHead(200, { ...headers, 'Content-Length': String(size) });
      streamFile(req, res, sibling);
      return;
    }
    const body = compressedCopy(path, etag, encoding, () => readFileSync(path));
    res.writeHead(200, { ...headers, 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': String(stat.size) });
  streamFile(req, res, path);
}

function streamFile(req: IncomingMessage, res: ServerResponse, path: string): void {
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A file that vanished or cannot be read after the check ends the response instead of crashing the server.
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res);
}
