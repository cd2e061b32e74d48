/**
 * Plain node:http requests to a local org, for what jsforce's transport cannot send: a forged Host, a
 * declared body length that never fully arrives, raw bytes (invalid UTF-8), or a chunked body.
 */
import { request, type ClientRequest, type IncomingHttpHeaders } from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface HttpOptions {
  method?: string;
  headers?: Record<string, string | number>;
  /** Sent whole, with its Content-Length unless headers say otherwise. */
  body?: string | Buffer;
}

function readAnswer(req: ClientRequest): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text === '' ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** Starts a request on a connection of its own; the caller writes the body and ends it. */
export function openRequest(
  instanceUrl: string,
  path: string,
  options: Omit<HttpOptions, 'body'> = {},
): { req: ClientRequest; answer: Promise<HttpAnswer> } {
  const url = new URL(instanceUrl);
  const req = request({
    host: url.hostname,
    port: url.port,
    path,
    method: options.method ?? 'GET',
    headers: options.headers,
    agent: false,
  });
  return { req, answer: readAnswer(req) };
}

/** One request, its body sent whole. */
export function httpRequest(instanceUrl: string, path: string, options: HttpOptions = {}): Promise<HttpAnswer> {
  const headers = { ...options.headers };
  if (options.body !== undefined && !Object.keys(headers).some((h) => /^(content-length|transfer-encoding)$/i.test(h)))
    headers['Content-Length'] = Buffer.byteLength(options.body);
  const { req, answer } = openRequest(instanceUrl, path, { ...options, headers });
  req.end(options.body);
  return answer;
}
