/**
 * The app server's static files over real HTTP, on a built-looking dist folder of its own: hashed chunks cached
 * for a year as immutable, the page and other files revalidated (ETag, 304), text sent with brotli or gzip as
 * the browser accepts (the build's .br/.gz copies, or compressed on the fly when there are none) and never to a
 * browser that does not accept it.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startAppServer, type AppServer } from '../../packages/app/server';
import { acceptedEncoding } from '../../packages/app/static-files';
import { startTestOrg, type TestOrg } from '../support/localorg';

jest.setTimeout(60000);

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One raw request: node:http adds no Accept-Encoding of its own. */
function get(app: AppServer, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  const { port } = new URL(app.url);
  return new Promise((resolveReply, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolveReply({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

// Repetitive enough to compress well, long enough to be worth it.
const ENTRY = `export const page = ${JSON.stringify('plan '.repeat(2000))};\n`;
const LAZY = `export const chart = ${JSON.stringify('bar '.repeat(2000))};\n`;
const INDEX = `<!doctype html><html><head><script type="module" src="/chunks/app-Ab12Cd34.js"></script></head>${' '.repeat(2000)}</html>\n`;

let t: TestOrg;
let app: AppServer;
let dist: string;

beforeAll(async () => {
  t = await startTestOrg();
  dist = mkdtempSync(join(tmpdir(), 'pap-dist-'));
  mkdirSync(join(dist, 'chunks'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  // The entry as the build writes it, with its compressed copies; the lazy chunk without them.
  writeFileSync(join(dist, 'chunks', 'app-Ab12Cd34.js'), ENTRY);
  writeFileSync(join(dist, 'chunks', 'app-Ab12Cd34.js.br'), brotliCompressSync(ENTRY));
  writeFileSync(join(dist, 'chunks', 'app-Ab12Cd34.js.gz'), gzipSync(ENTRY));
  writeFileSync(join(dist, 'chunks', 'chart-Ef56Gh78.js'), LAZY);
  app = await startAppServer({
    port: 0,
    orgUrl: t.org.instanceUrl,
    adminUsername: t.org.adminUsername,
    adminToken: t.org.accessToken,
    adminPassword: t.org.adminPassword,
    distDir: dist,
    accessSyncSeconds: 0,
  });
});

afterAll(async () => {
  await app.close();
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('cache headers', () => {
  test('a hashed chunk is immutable for a year; the page and an app route are revalidated on every load', async () => {
    const chunk = await get(app, '/chunks/app-Ab12Cd34.js');
    expect(chunk.status).toBe(200);
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(chunk.body.toString()).toBe(ENTRY);
    for (const path of ['/', '/plans/a0X000000000001', '/index.html']) {
      const page = await get(app, path);
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body.toString()).toBe(INDEX);
    }
  });

  test('If-None-Match with the ETag answers 304 without a body; a changed file answers 200 with a new ETag', async () => {
    const first = await get(app, '/');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await get(app, '/', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['cache-control']).toBe('no-cache');
    expect(again.headers.etag).toBe(etag);
    // A list of tags, one of them weak, still matches.
    expect((await get(app, '/', { 'If-None-Match': `"other", W/${etag}` })).status).toBe(304);
    expect((await get(app, '/', { 'If-None-Match': '"other"' })).status).toBe(200);

    const later = new Date(Date.now() + 5000);
    writeFileSync(join(dist, 'index.html'), `${INDEX}<!-- rebuilt -->\n`);
    utimesSync(join(dist, 'index.html'), later, later);
    const rebuilt = await get(app, '/', { 'If-None-Match': etag });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.headers.etag).not.toBe(etag);
    expect(rebuilt.body.toString()).toContain('rebuilt');
    writeFileSync(join(dist, 'index.html'), INDEX);
  });

  test('If-Modified-Since at or after the file date answers 304, before it 200', async () => {
    const first = await get(app, '/chunks/chart-Ef56Gh78.js');
    const modified = first.headers['last-modified'] as string;
    expect((await get(app, '/chunks/chart-Ef56Gh78.js', { 'If-Modified-Since': modified })).status).toBe(304);
    const before = new Date(Date.parse(modified) - 60_000).toUTCString();
    expect((await get(app, '/chunks/chart-Ef56Gh78.js', { 'If-Modified-Since': before })).status).toBe(200);
  });
});

describe('compression', () => {
  test("brotli when accepted, from the build's copy; gzip when only gzip is; Vary on both", async () => {
    const br = await get(app, '/chunks/app-Ab12Cd34.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(ENTRY.length / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(ENTRY);

    const gzip = await get(app, '/chunks/app-Ab12Cd34.js', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(ENTRY);
  });

  test('a chunk and the page without compressed copies are compressed on the fly, the same bytes each time', async () => {
    for (const [path, text] of [
      ['/chunks/chart-Ef56Gh78.js', LAZY],
      ['/', INDEX],
    ]) {
      const br = await get(app, path, { 'Accept-Encoding': 'br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.body).toString()).toBe(text);
      const again = await get(app, path, { 'Accept-Encoding': 'br' });
      expect(again.body.equals(br.body)).toBe(true);
      const gzip = await get(app, path, { 'Accept-Encoding': 'gzip;q=0.5' });
      expect(gunzipSync(gzip.body).toString()).toBe(text);
    }
  });

  test('no Accept-Encoding, identity only or q=0 gets the file as it is', async () => {
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0', 'deflate']) {
      const reply = await get(
        app,
        '/chunks/app-Ab12Cd34.js',
        accept === undefined ? {} : { 'Accept-Encoding': accept },
      );
      expect(reply.headers['content-encoding']).toBeUndefined();
      expect(reply.body.toString()).toBe(ENTRY);
      expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(ENTRY));
    }
  });

  test('HEAD answers the headers of GET with no body', async () => {
    const head = await get(app, '/chunks/app-Ab12Cd34.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });

  test('Accept-Encoding is read with its qualities, brotli first, * for what it does not name', () => {
    expect(acceptedEncoding(undefined)).toBeUndefined();
    expect(acceptedEncoding('')).toBeUndefined();
    expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(acceptedEncoding('GZIP')).toBe('gzip');
    expect(acceptedEncoding('br;q=0, gzip')).toBe('gzip');
    expect(acceptedEncoding('br;q=0, gzip;q=0')).toBeUndefined();
    expect(acceptedEncoding('*')).toBe('br');
    expect(acceptedEncoding('br;q=0, *')).toBe('gzip');
    expect(acceptedEncoding('*;q=0, gzip')).toBe('gzip');
    expect(acceptedEncoding('identity;q=1, *;q=0')).toBeUndefined();
  });
});
