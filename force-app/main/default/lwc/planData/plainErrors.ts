/**
 * What a person is shown of a server's error: its own sentence when it is one (a validation rule's message,
 * "insufficient access rights"), never internals (a SOQL position, a query, an error code, an API name, a
 * script error): those read as one plain sentence instead.
 */
import SERVER_ERROR from '@salesforce/label/c.Partner_Planning_Server_Error';
import REQUEST_FAILED from '@salesforce/label/c.Partner_Planning_Request_Failed';

/** An API error code before its message ("INVALID_FIELD: …", "FIELD_CUSTOM_VALIDATION_EXCEPTION: …"). */
const CODE_PREFIX = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+:\s*/;
/** Codes whose message is about the request itself (a query, an Id, a field name), not what the person did. */
const REQUEST_CODES = /^(?:MALFORMED_[A-Z_]+|INVALID_(?:FIELD|TYPE|QUERY)[A-Z_]*|UNKNOWN_EXCEPTION):/;

const INTERNAL: RegExp[] = [
  /ERROR at Row:\d+:Column:\d+/i,
  /\bSELECT\b[\s\S]*\bFROM\b/,
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/, // an error code left in the text
  /^[\w.]*_[\w.]*$/, // nothing but an API name (Actor__r): Salesforce's sentences name fields within words
  /\b(?:TypeError|ReferenceError|SyntaxError)\b|Cannot read propert|is not a function|is not defined/,
  /^\s*[[{]/, // a JSON body
];

/** A request that never got an answer (offline, a dropped connection): the browser's own words. */
const NETWORK = /Failed to fetch|NetworkError|Load failed|ERR_NETWORK|network error/i;

/** The message as a person should read it: the server's sentence, or a plain one for internals. */
export function plainMessage(message: string): string {
  if (NETWORK.test(message)) return REQUEST_FAILED;
  if (REQUEST_CODES.test(message.trim())) return SERVER_ERROR;
  const sentence = message.replace(CODE_PREFIX, '').trim();
  if (!sentence || INTERNAL.some((pattern) => pattern.test(sentence))) return SERVER_ERROR;
  return sentence;
}

/** Plain messages, each said once (several internals all read as the same sentence). */
export function plainMessages(messages: string[]): string[] {
  return [...new Set(messages.map(plainMessage))];
}
