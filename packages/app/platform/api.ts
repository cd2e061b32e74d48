/**
 * The REST API of the local org, through the app server's `/services` proxy (which adds the signed-in
 * user's token). Failures reject with a fetch-like response `{ ok, status, statusText, body }`, the shape
 * Lightning Data Service rejects with.
 */
/** The project's API version (sfdx-project.json): the browser cannot read it, so app/build.ts writes it in. */
declare const __API_VERSION__: string;
export const API_VERSION: string = __API_VERSION__;
export const API = `/services/data/v${API_VERSION}`;

export interface FailedResponse {
  ok: false;
  status: number;
  statusText: string;
  body: unknown;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path.startsWith('/services') ? path : `${API}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const failure: FailedResponse = {
      ok: false,
      status: response.status,
      statusText: response.statusText,
      body: parsed,
    };
    throw failure;
  }
  return parsed as T;
}

export type SoqlRecord = Record<string, unknown> & { attributes?: { type: string } };

/** Every record of a SOQL query. */
export async function query(soql: string): Promise<SoqlRecord[]> {
  type Page = { records: SoqlRecord[]; nextRecordsUrl?: string };
  let page = await request<Page>('GET', `/query?q=${encodeURIComponent(soql)}`);
  const records = [...page.records];
  while (page.nextRecordsUrl) {
    page = await request<Page>('GET', page.nextRecordsUrl);
    records.push(...page.records);
  }
  return records;
}

export const soqlString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

let prefixes: Promise<Map<string, string>> | undefined;

/** The object an Id belongs to, from its key prefix (global describe, read once). */
export async function objectOfId(id: string): Promise<string> {
  if (!prefixes) {
    prefixes = request<{ sobjects: { name: string; keyPrefix: string | null }[] }>('GET', '/sobjects').then(
      (global) => new Map(global.sobjects.filter((s) => s.keyPrefix).map((s) => [String(s.keyPrefix), s.name])),
    );
  }
  const name = (await prefixes).get(id.slice(0, 3));
  if (!name) throw new Error(`no object has the key prefix of ${id}`);
  return name;
}
