/**
 * Realistic creation dates for the records whose metrics count by CreatedDate (opportunities, leads, campaign
 * members). An org takes them on insert only with "Set Audit Fields upon Record Creation"; elsewhere the
 * loader leaves them out and the org stamps the day of the load (see load.ts).
 */
import { addDays, type IsoDate } from '../periods';
import type { Random } from '../random';

/**
 * A CreatedDate on `day` at a working hour (UTC), never later than the day before `asOf`: a record cannot be
 * created in the future, and the as-of day may not have reached that hour yet.
 */
export function createdAt(rng: Random, day: IsoDate, asOf: IsoDate): string {
  const latest = addDays(asOf, -1);
  const date = day < latest ? day : latest;
  const hour = rng.int(8, 17);
  const minute = rng.int(0, 59);
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
}
