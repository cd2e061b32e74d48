/**
 * Review dates of a plan: the next review from its cadence, and the reminder Task before each review.
 */
import { addDaysIso, addMonthsIso } from './dates';

/** Months between reviews by Review_Cadence__c; anything else reads as Quarterly. */
const CADENCE_MONTHS: Record<string, number> = { Monthly: 1, Quarterly: 3, 'Semi-Annual': 6, Annual: 12 };

/** The months between two reviews for a cadence (unknown or blank = Quarterly, 3). */
export function cadenceMonths(cadence: string | null): number {
  return (cadence && CADENCE_MONTHS[cadence]) || CADENCE_MONTHS.Quarterly;
}

/**
 * The next review date after `from` for a cadence (Monthly +1 month, Quarterly +3, Semi-Annual +6, Annual
 * +12; unknown = Quarterly), or null when it falls after `periodEnd`. Month ends clamp: Nov 30 + 3 months
 * = Feb 28 (29 in a leap year).
 */
export function nextReviewDate(from: string, cadence: string | null, periodEnd: string | null): string | null {
  const next = addMonthsIso(from, cadenceMonths(cadence));
  return periodEnd !== null && next > periodEnd ? null : next;
}

/** The Subject prefix of review reminder Tasks. */
export const REMINDER_SUBJECT_PREFIX = 'QBR reminder: review on ';

/**
 * The reminder Task of a review: due `daysBefore` (default 7) before the review (not before `today`), and
 * its Subject, "QBR reminder: review on YYYY-MM-DD" — (WhatId = plan, Subject) identifies it, so creating
 * it is idempotent. A reminder made late (or for a review already past) is due today.
 */
export function reviewReminder(
  reviewDate: string,
  today: string,
  daysBefore = 7,
): { subject: string; activityDate: string } {
  const due = addDaysIso(reviewDate, -Math.max(0, daysBefore));
  return { subject: `${REMINDER_SUBJECT_PREFIX}${reviewDate}`, activityDate: due < today ? today : due };
}
