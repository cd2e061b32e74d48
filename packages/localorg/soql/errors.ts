/**
 * SOQL errors as Salesforce reports them. Query errors carry the offending line, a caret under the
 * token and `ERROR at Row:R:Column:C` before the message; the parser does not give positions, so the
 * token is found again in the query text: its first occurrence outside string literals in the clause
 * being compiled, else in the whole query.
 */
import { SalesforceError } from '../errors';

const IDENT_CHAR = /[A-Za-z0-9_.]/;

/** Offset of the first case-insensitive occurrence of `token` at or after `from`; -1 if none. */
function findToken(soql: string, token: string, from = 0): number {
  return tokenOffsets(soql, token, from)[0] ?? -1;
}

/** Every offset of `token` at or after `from`, outside string literals and as a whole word. */
function tokenOffsets(soql: string, token: string, from = 0): number[] {
  const found: number[] = [];
  const wanted = token.toLowerCase();
  const wordLike = IDENT_CHAR.test(token[0] ?? '') && IDENT_CHAR.test(token[token.length - 1] ?? '');
  let quoted = false;
  for (let i = 0; i < soql.length; i++) {
    const ch = soql[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === "'") quoted = false;
      continue;
    }
    if (ch === "'" && token[0] !== "'") {
      quoted = true;
      continue;
    }
    if (i < from || soql.slice(i, i + wanted.length).toLowerCase() !== wanted) continue;
    if (wordLike && (IDENT_CHAR.test(soql[i - 1] ?? '') || IDENT_CHAR.test(soql[i + wanted.length] ?? ''))) continue;
    found.push(i);
  }
  return found;
}

/** The query being run, to locate errors in it. */
export class QueryText {
  /** Where the clause being compiled starts: its errors are looked for from there. */
  private clauseStart = 0;

  constructor(readonly soql: string) {}

  /** Notes that the clause starting with `keyword` (WHERE, ORDER, GROUP, HAVING, SELECT) is compiled next. */
  clause(keyword: string): void {
    this.clauseStart = Math.max(0, findToken(this.soql, keyword));
  }

  /** Salesforce's located message: the line, a caret, `ERROR at Row:R:Column:C`, then the message. */
  locate(message: string, token?: string | number): string {
    let offset =
      typeof token === 'number'
        ? token
        : token === undefined
          ? -1
          : token === '<EOF>'
            ? this.soql.length
            : ([findToken(this.soql, token, this.clauseStart), findToken(this.soql, token)].find((at) => at >= 0) ??
              -1);
    if (offset < 0) return message;
    const lineStart = this.soql.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = this.soql.indexOf('\n', offset);
    const row = this.soql.slice(0, lineStart).split('\n').length;
    offset -= lineStart;
    const line = this.soql.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    return `\n${line}\n${' '.repeat(offset)}^\nERROR at Row:${row}:Column:${offset + 1}\n${message}`;
  }

  malformed(message: string, token?: string | number): SalesforceError {
    return new SalesforceError(400, 'MALFORMED_QUERY', this.locate(message, token));
  }

  invalidField(message: string, token?: string | number): SalesforceError {
    return new SalesforceError(400, 'INVALID_FIELD', this.locate(message, token));
  }

  invalidType(message: string, token?: string | number): SalesforceError {
    return new SalesforceError(400, 'INVALID_TYPE', this.locate(message, token));
  }

  invalidOperator(message: string, token?: string | number): SalesforceError {
    return new SalesforceError(400, 'INVALID_QUERY_FILTER_OPERATOR', this.locate(message, token));
  }

  unexpectedToken(token: string): SalesforceError {
    return this.malformed(`unexpected token: '${token}'`, token);
  }

  /** A syntax error: the parser stops late, so its token is taken to be the last occurrence. */
  syntaxError(token: string): SalesforceError {
    const offsets = token === '<EOF>' ? [this.soql.length] : tokenOffsets(this.soql, token);
    return this.malformed(`unexpected token: '${token}'`, offsets[offsets.length - 1] ?? token);
  }
}

export const noSuchColumn = (text: QueryText, name: string, objectName: string, token: string): SalesforceError =>
  text.invalidField(
    `No such column '${name}' on entity '${objectName}'. If you are attempting to use a custom field, be sure to ` +
      `append the '__c' after the custom field name. Please reference your WSDL or the describe call for the ` +
      `appropriate names.`,
    token,
  );

export const unknownRelationship = (text: QueryText, name: string, token: string): SalesforceError =>
  text.invalidField(
    `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, ` +
      `be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe ` +
      `call for the appropriate names.`,
    token,
  );

export const unknownChildRelationship = (text: QueryText, name: string): SalesforceError =>
  text.invalidType(
    `Didn't understand relationship '${name}' in FROM part of query call. If you are attempting to use a custom ` +
      `relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or ` +
      `the describe call for the appropriate names.`,
    name,
  );

export const unknownObject = (text: QueryText, name: string): SalesforceError =>
  text.invalidType(
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the ` +
      `'__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    name,
  );
