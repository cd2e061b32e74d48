/**
 * SOQL statement limits the REST and Bulk query resources check before parsing. Salesforce documents a
 * maximum SOQL statement length of 100,000 characters ("SOQL and SOSL Limits for Search Queries",
 * salesforce_app_limits_cheatsheet); a longer statement is refused as MALFORMED_QUERY. The message follows
 * the platform's wording for this limit ("SOQL statements cannot be longer than N characters").
 */
import { SalesforceError } from '../errors';

export const MAX_SOQL_LENGTH = 100_000;

/** Refuses a statement longer than Salesforce's 100,000-character limit with 400 MALFORMED_QUERY. */
export function assertSoqlLength(soql: string): void {
  if (soql.length > MAX_SOQL_LENGTH) {
    throw new SalesforceError(
      400,
      'MALFORMED_QUERY',
      `SOQL statements cannot be longer than ${MAX_SOQL_LENGTH} characters`,
    );
  }
}
