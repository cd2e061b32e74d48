/**
 * What the local org does not implement fails at once, in the REST API's error shape, with a message that
 * says it is not supported by the local org and what to use instead: the Tooling API, CRM Analytics,
 * Connect/Chatter, invocable actions, Apex REST, `sf org open`'s single-access front door,
 * and the describe sub-resource an object describe links to that the org does not serve (default values),
 * so that a client following that link learns why instead of reading a 404
 * as "no such object". Streaming (`/cometd`) answers the Bayeux handshake itself with `successful: false`
 * and `advice.reconnect: "none"`, which a CometD client (jsforce's faye) obeys by never retrying: an
 * immediate, final error instead of a client polling forever.
 *
 * SOAP (`/services/Soap`) and Bulk API 1.0 (`/services/async`) are served elsewhere.
 */
import { SalesforceError } from '../errors';
import type { Reply } from './context';

/**
 * The status and code of every not-supported answer: Salesforce's answer to a feature an org does not have
 * (403 FUNCTIONALITY_NOT_ENABLED, like API_DISABLED_FOR_ORG), a client error that no client retries.
 */
export const NOT_SUPPORTED_STATUS = 403;
export const NOT_SUPPORTED_CODE = 'FUNCTIONALITY_NOT_ENABLED';

export const notSupported = (what: string, instead: string): SalesforceError =>
  new SalesforceError(NOT_SUPPORTED_STATUS, NOT_SUPPORTED_CODE, `${what}: not supported by the local org. ${instead}`);

/** Resources under /services/data/vXX.X/ by their first segment (lower-cased). */
const DATA_RESOURCES: Record<string, [string, string]> = {
  tooling: [
    'The Tooling API',
    'Query data with /query and describe objects with /sobjects; for Apex, metadata and tooling use a scratch org.',
  ],
  wave: ['The CRM Analytics REST API', 'Use SOQL aggregate queries (/query with GROUP BY) instead.'],
  chatter: ['Connect REST API (Chatter)', 'Use the REST API sObject resources (/sobjects) instead.'],
  connect: ['Connect REST API', 'Use the REST API sObject resources (/sobjects) instead.'],
  actions: ['Invocable actions', 'Write the records with /sobjects or /composite instead.'],
  apexrest: ['Apex REST', 'The local org runs no Apex: use the REST API (/sobjects, /query, /composite).'],
};

/** Describe sub-resources that an object describe links to (`urls`), by path after `sobjects/{Type}/`. */
const DESCRIBE_LINKS: { path: string[]; what: string }[] = [
  { path: ['defaultvalues'], what: 'Default values (defaultValues)' },
];

const DESCRIBE_INSTEAD =
  'Use /sobjects/{Type}/describe for fields and relationships, and /query for records; quick actions (/quickActions/{action}/defaultValues) give their own defaults.';

/**
 * Throws the not-supported error for a /services/data/vXX.X/ resource the org does not serve (`segments`
 * are the path after the version); returns for everything else.
 */
export function checkDataResource(segments: string[]): void {
  const first = segments[0]?.toLowerCase() ?? '';
  // The sf CLI asks whether an org tracks source by describing the Tooling API's SourceMember; an org
  // without source tracking (a Developer Edition org, the local org) answers 404, and the CLI goes on.
  if (
    first === 'tooling' &&
    segments[1]?.toLowerCase() === 'sobjects' &&
    segments[2]?.toLowerCase() === 'sourcemember'
  ) {
    throw new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');
  }
  const resource = DATA_RESOURCES[first];
  if (resource) throw notSupported(resource[0], resource[1]);
  if (first === 'sobjects' && segments.length >= 3) {
    const rest = segments.slice(2).map((s) => s.toLowerCase());
    const link = DESCRIBE_LINKS.find((l) => l.path.every((p, i) => rest[i] === p));
    if (link) throw notSupported(link.what, DESCRIBE_INSTEAD);
  }
}

/** A Bayeux handshake answer that ends the exchange: no client id, and advice never to reconnect. */
function streamingRefusal(bodyText: string): Reply {
  let messages: unknown[] = [];
  try {
    const parsed: unknown = JSON.parse(bodyText);
    messages = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    messages = [{}];
  }
  const error =
    '403::Streaming API (CometD) is not supported by the local org. Poll with /query (SystemModstamp > last poll) or /sobjects/{Type}/updated instead.';
  const answers = messages.map((message) => {
    const m = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : {};
    return {
      ...(m.id === undefined ? {} : { id: m.id }),
      channel: typeof m.channel === 'string' ? m.channel : '/meta/handshake',
      successful: false,
      error,
      advice: { reconnect: 'none', interval: 0 },
    };
  });
  return { status: 200, body: answers };
}

/**
 * The answer for a path outside /services/data that names an unsupported feature (`segments` are the
 * whole path, `path` their join), or undefined when the path is not one of them.
 */
export function outsideDataResource(segments: string[], path: string, bodyText: string): Reply | undefined {
  const first = segments[0]?.toLowerCase();
  if (first === 'cometd') return streamingRefusal(bodyText);
  if (first !== 'services') return undefined;
  const second = segments[1]?.toLowerCase();
  if (second === 'apexrest') throw notSupported(...DATA_RESOURCES.apexrest);
  if (path.toLowerCase() === 'services/oauth2/singleaccess') {
    throw notSupported(
      'Single-access front door URLs (sf org open)',
      'The local org has no Salesforce UI: run npm start and open the local app on http://127.0.0.1:3000 instead.',
    );
  }
  return undefined;
}
