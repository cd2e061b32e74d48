/**
 * The local org's internal entry, for the benchmark only: it measures storage and schema work below the
 * HTTP API. Not a stable interface; applications use the package's main entry (index.ts).
 */
export { Storage } from './storage';
export { compileSchema } from './schema';
export { registerFormulaFunction } from './formula';
export { makeId } from './ids';
export type { Row } from './sql';
