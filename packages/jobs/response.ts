/**
 * Where an org's JSON answer enters the scripts: narrowing it with `@salesforce/ts-types` to the shape the
 * code reads, so that a malformed answer (a proxy's HTML error page parsed as text, a missing `records` array,
 * an id that is not a string) fails here with a message naming what was expected and where, rather than
 * later as `cannot read properties of undefined` deep in a rollup or a seed.
 */
import { getString, isAnyJson, isBoolean, isJsonMap, isNumber, type JsonMap } from '@salesforce/ts-types';

/** An org (or a file the scripts read) answered something other than what the API documents. */
export class MalformedResponseError extends Error {
  override name = 'MalformedResponseError';
}

/** A short view of a value for messages: its type and the start of its JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return `${kind} ${text.length > 80 ? `${text.slice(0, 77)}...` : text}`;
}

/** The value as a JSON object, or undefined when it is anything else. */
export const asMap = (value: unknown): JsonMap | undefined =>
  isAnyJson(value) && isJsonMap(value) ? value : undefined;

/** The value as a JSON object, or a MalformedResponseError saying `where` expected one. */
export function expectMap(value: unknown, where: string): JsonMap {
  if (isAnyJson(value) && isJsonMap(value)) return value;
  throw new MalformedResponseError(`${where} is not a JSON object (got ${describeValue(value)})`);
}

/** A required string property of a JSON object. */
export function expectString(map: JsonMap, key: string, where: string): string {
  const value = map[key];
  return typeof value === 'string' ? value : fail(`${where} has no string ${key} (got ${describeValue(value)})`);
}

/** An optional string property: absent or null is undefined, anything else but a string is malformed. */
export function optionalString(map: JsonMap, key: string, where: string): string | undefined {
  const value = map[key];
  if (value === undefined || value === null) return undefined;
  return getString(map, key) ?? fail(`${where} has a ${key} that is not a string (got ${describeValue(value)})`);
}

/** A required boolean property. */
export function expectBoolean(map: JsonMap, key: string, where: string): boolean {
  const value = map[key];
  return isBoolean(value) ? value : fail(`${where} has no boolean ${key} (got ${describeValue(value)})`);
}

/** An optional number property: absent or null is undefined. */
export function optionalNumber(map: JsonMap, key: string, where: string): number | undefined {
  const value = map[key];
  if (value === undefined || value === null) return undefined;
  return isNumber(value) ? value : fail(`${where} has a ${key} that is not a number (got ${describeValue(value)})`);
}

/** A required array of JSON objects (records, results, errors). */
export function expectMaps(map: JsonMap, key: string, where: string): JsonMap[] {
  // The message is built only on failure: describing a page of records costs a JSON.stringify of it.
  const list = map[key];
  if (!Array.isArray(list)) return fail(`${where} has no ${key} array (got ${describeValue(list)})`);
  for (let i = 0; i < list.length; i++) if (!isJsonMap(list[i])) expectMap(list[i], `${where}: ${key}[${i}]`);
  return list as JsonMap[];
}

/**
 * The query response of `GET /query` (and its `nextRecordsUrl` pages), checked: `records` an array of
 * objects, `done` a boolean, `nextRecordsUrl` a string when present. The records keep the caller's type,
 * which the SOQL's select list decides.
 */
export function queryPage<T>(
  value: unknown,
  where: string,
): { done: boolean; totalSize: number; nextRecordsUrl?: string; records: T[] } {
  const page = expectMap(value, where);
  const records = expectMaps(page, 'records', where) as unknown as T[];
  return {
    done: expectBoolean(page, 'done', where),
    totalSize: optionalNumber(page, 'totalSize', where) ?? records.length,
    nextRecordsUrl: optionalString(page, 'nextRecordsUrl', where),
    records,
  };
}

function fail(message: string): never {
  throw new MalformedResponseError(message);
}
