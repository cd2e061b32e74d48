/**
 * The local org's SOQL engine: parses a query, checks it against the org's schema as Salesforce does
 * (with Salesforce's error codes and messages), compiles it to SQLite and returns a cursor over the
 * result in the REST API's JSON shape.
 */
import { readCurrencies, type CurrencyInfo } from '../currency/sql';
import { storedFiscalCalendar } from '../fiscal';
import { quoteIdent } from '../sql';
import { SalesforceError } from '../errors';
import type { QueryAccess } from '../security';
import type { Storage } from '../storage';
import { run, type QueryCursor, type SfRecord } from './cursor';
import { QueryText } from './errors';
import { assertSoqlLength, isComplexityLimit, queryTooComplicated } from './limits';
import { parseSoql } from './parse';
import { compileQuery } from './plan';
import { Env } from './scope';

export type { QueryCursor, SfRecord };
export { assertSoqlLength, MAX_SOQL_LENGTH } from './limits';

export interface SoqlOptions {
  /** `queryAll`: include records in the recycle bin. */
  includeDeleted: boolean;
  /** The moment date literals (TODAY, THIS_QUARTER, ...) are relative to. */
  now: Date;
  /** For `attributes.url`, e.g. the project's API_VERSION (no "v"). */
  apiVersion: string;
  /**
   * First month (1-12) of the org's standard fiscal year; January by default. Its naming and custom fiscal
   * years come from the org's stored settings (fiscal.ts).
   */
  fiscalYearStartMonth?: number;
  /**
   * The running user's access: objects and fields they cannot read do not exist for the query, and it
   * returns only the records they can see. Absent for a user with View All Data: no check, no cost.
   */
  access?: QueryAccess;
  /**
   * An extra SQL condition on the root object's rows (`alias` is its table alias; `bind` binds a value): SOSL
   * restricts a RETURNING object to its search matches this way and leaves the rest of the query to SOQL.
   */
  restrict?: (alias: string, bind: (value: unknown) => string) => string;
  /** The running user: in a multi-currency org, convertCurrency() converts to their currency. */
  userId?: string;
}

/** The user's currency in a multi-currency org (User.DefaultCurrencyIsoCode), else undefined. */
function userCurrency(storage: Storage, currencies: Map<string, CurrencyInfo> | undefined, userId?: string) {
  const user = storage.schema.objects.get('User');
  if (!currencies || !userId || !user?.fields.has('DefaultCurrencyIsoCode')) return undefined;
  const code = storage
    .statement(`SELECT "DefaultCurrencyIsoCode" FROM ${quoteIdent(user.table)} WHERE "Id" = ?`)
    .pluck(true)
    .get(userId) as string | undefined;
  return code === undefined ? undefined : currencies.get(code);
}

/** Any failure that is not a Salesforce error becomes one, without SQLite's message or a stack. */
function guard<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof SalesforceError) throw e;
    if (isComplexityLimit(e)) throw queryTooComplicated();
    const errorId = `${Date.now() % 1_000_000_000}-${Math.floor(Math.random() * 100_000)}`;
    const error = new SalesforceError(
      500,
      'UNKNOWN_EXCEPTION',
      `An unexpected error occurred. Please include this ErrorId if you contact support: ${errorId}`,
    );
    // Kept for the server's own logs; never part of the response body.
    Object.defineProperty(error, 'cause', { value: e, enumerable: false });
    throw error;
  }
}

export function executeSoql(storage: Storage, soql: string, options: SoqlOptions): QueryCursor {
  return guard(() => {
    assertSoqlLength(soql);
    const fiscalStartMonth = options.fiscalYearStartMonth ?? 1;
    if (!Number.isInteger(fiscalStartMonth) || fiscalStartMonth < 1 || fiscalStartMonth > 12) {
      throw new RangeError(`fiscalYearStartMonth must be 1-12, not ${fiscalStartMonth}`);
    }
    const text = new QueryText(soql);
    const currencies = readCurrencies(storage.schema, (sql) => storage.statement(sql).all());
    const env = new Env(storage.schema, text, {
      includeDeleted: options.includeDeleted,
      now: options.now,
      fiscalStartMonth,
      fiscal: storedFiscalCalendar(storage, fiscalStartMonth),
      access: options.access,
      restrict: options.restrict,
      currencies,
      userCurrency: userCurrency(storage, currencies, options.userId),
    });
    const plan = compileQuery(env, parseSoql(text));
    return run(storage, plan, env.params, options.apiVersion, guard);
  });
}
