/**
 * A plan's whole year, as pure functions on ISO dates ('YYYY-MM-DD', computed in UTC): its fiscal periods,
 * splitting a year's value into quarters or months by a seasonal profile, re-dating targets into the next
 * year, the shortfall a target carries, blueprints of a rolled-over or templated plan, and review dates.
 * No platform imports, so the jobs import it by path (packages/jobs/plans/year.ts) and components as
 * `c/planYear`: the screens and the jobs build the same plan.
 */
export * from './dates';
export * from './periods';
export * from './blueprint';
export * from './reviews';
