/**
 * The small SOQL vocabulary of the rollup's phases: Ids checked before they are inlined, Ids compared in
 * their 18-character form, the keys of periods and aggregate groups, and a period as a WHERE condition.
 */

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** A SOQL literal for an Id; Ids are checked so they can be inlined safely. */
export function idLiteral(id: string): string {
  if (!ID.test(id)) throw new Error(`not a record Id: ${id}`);
  return `'${id}'`;
}

/** A list of Ids for `IN (...)`. */
export const idList = (ids: Iterable<string>): string => [...ids].map(idLiteral).join(', ');

export const periodKey = (start: string, end: string): string => `${start}..${end}`;
export const groupKey = (partner: string, person: string, customer: string): string =>
  `${partner}|${person}|${customer}`;

/** Ids compare case-insensitively in their 18-character form; the API returns 18-character Ids. */
export const norm = (id: string | null | undefined): string => (id ?? '').slice(0, 18);

/** The WHERE condition placing records of a date or datetime field inside a period (inclusive days, UTC). */
export function periodCondition(path: string, type: string, start: string, end: string): string {
  if (type === 'date') return `${path} >= ${start} AND ${path} <= ${end}`;
  const endExclusive = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().replace('.000Z', 'Z');
  return `${path} >= ${start}T00:00:00Z AND ${path} < ${endExclusive}`;
}
