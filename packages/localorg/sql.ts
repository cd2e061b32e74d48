/**
 * SQLite value and identifier types shared by every layer of the org. A leaf module (only better-sqlite3's
 * types) so the formula engine and the access layer can name rows without importing storage.ts.
 */
import type Database from 'better-sqlite3';

export type Db = Database.Database;
/** A stored value: TEXT, REAL, INTEGER (checkbox 0/1) or NULL. */
export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
