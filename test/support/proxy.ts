/**
 * A proxy in front of a local org for tests of orgs that lack a feature: every request is passed through
 * except those under `jobs/ingest`, answered 404 NOT_FOUND as by an org without Bulk API 2.0.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OrgProxy {
  url: string;
  close: () => Promise<void>;
}

export async function startNoBulkProxy(instanceUrl: string): Promise<OrgProxy> {
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if ((req.url ?? '').includes('/jobs/ingest')) {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]));
        return;
      }
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'content-type']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      fetch(`${instanceUrl}${req.url ?? '/'}`, { method: req.method, headers, body }).then(
        async (response) => {
          const text = await response.text();
          res.writeHead(response.status, { 'Content-Type': response.headers.get('content-type') ?? 'text/plain' });
          res.end(text);
        },
        () => {
          res.writeHead(502);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}
