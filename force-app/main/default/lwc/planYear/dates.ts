/**
 * Calendar arithmetic of c/planYear on ISO 'YYYY-MM-DD' strings, computed in UTC so a date never shifts
 * with a time zone. Adding months clamps to the month's end (Jan 31 + 1 month = Feb 28 or 29), as people
 * count months, not as Date overflows them into March.
 */
const DAY_MS = 86_400_000;

interface Ymd {
  year: number;
  month: number; // 1-12
  day: number;
}

function parse(iso: string): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The ISO date of a year, month (any integer: it rolls over years) and day, clamped to that month's end. */
function dateOf(year: number, month: number, day: number): string {
  const monthIndex = year * 12 + (month - 1);
  const y = Math.floor(monthIndex / 12);
  const m = monthIndex - y * 12 + 1;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(day, daysInMonth(y, m)), 2)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDaysIso(date: string, days: number): string {
  const { year, month, day } = parse(date);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same day `months` months later (or earlier), clamped to the month's end: Jan 31 + 1 = Feb 28/29. */
export function addMonthsIso(date: string, months: number): string {
  const { year, month, day } = parse(date);
  return dateOf(year, month + months, day);
}

/** Whether the date is the last day of its month. */
export function isMonthEnd(date: string): boolean {
  const { year, month, day } = parse(date);
  return day === daysInMonth(year, month);
}

/** The last day of the month `months` months after the date's month. */
export function monthEndAfter(date: string, months: number): string {
  const { year, month } = parse(date);
  return dateOf(year, month + months, 31);
}

/** Calendar months from one date's month to another's, ignoring the days (Feb 2026 -> Feb 2027 = 12). */
export function monthsBetween(from: string, to: string): number {
  const a = parse(from);
  const b = parse(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** Days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parse(from);
  const b = parse(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}
