/** The Custom Labels this component shows (category Partner Planning). */
import CANCEL from '@salesforce/label/c.Partner_Planning_Cancel';
import CADENCE from '@salesforce/label/c.Plan_Reviews_Cadence';
import COL_ATTAINMENT from '@salesforce/label/c.Partner_Planning_Col_Attainment';
import COL_DATE from '@salesforce/label/c.Plan_Reviews_Col_Date';
import COL_PERIOD from '@salesforce/label/c.Partner_Planning_Col_Period';
import COL_REVIEW from '@salesforce/label/c.Plan_Reviews_Col_Review';
import DATES_FAILED from '@salesforce/label/c.Plan_Reviews_Dates_Failed';
import DUE_IN from '@salesforce/label/c.Plan_Reviews_Due_In';
import DUE_IN_ONE from '@salesforce/label/c.Plan_Reviews_Due_In_One';
import DUE_TODAY from '@salesforce/label/c.Plan_Reviews_Due_Today';
import FAILED_TITLE from '@salesforce/label/c.Partner_Planning_Action_Failed_Title';
import GATHERING from '@salesforce/label/c.Plan_Reviews_Gathering';
import LAST_REVIEW from '@salesforce/label/c.Plan_Reviews_Last_Review';
import NEVER from '@salesforce/label/c.Partner_Planning_Never';
import NEXT_REVIEW from '@salesforce/label/c.Plan_Reviews_Next_Review';
import NO_QUARTER from '@salesforce/label/c.Plan_Reviews_No_Quarter';
import NO_REVIEWS from '@salesforce/label/c.Plan_Reviews_No_Reviews';
import NOT_SCHEDULED from '@salesforce/label/c.Plan_Reviews_Not_Scheduled';
import OPEN_REVIEW from '@salesforce/label/c.Plan_Reviews_Open_Review';
import OVERDUE from '@salesforce/label/c.Plan_Reviews_Overdue';
import OVERDUE_ONE from '@salesforce/label/c.Plan_Reviews_Overdue_One';
import PAST_REVIEWS from '@salesforce/label/c.Plan_Reviews_Past_Reviews';
import PREPARE from '@salesforce/label/c.Plan_Reviews_Prepare';
import PREPARE_CONFIRM from '@salesforce/label/c.Plan_Reviews_Prepare_Confirm';
import PREPARE_HELP from '@salesforce/label/c.Plan_Reviews_Prepare_Help';
import PREPARED from '@salesforce/label/c.Plan_Reviews_Prepared';
import QUARTER from '@salesforce/label/c.Plan_Reviews_Quarter';
import REMINDER_FAILED from '@salesforce/label/c.Plan_Reviews_Reminder_Failed';
import SAVED_TITLE from '@salesforce/label/c.Partner_Planning_Saved_Title';
import REVIEW_NAME from '@salesforce/label/c.Plan_Reviews_Review_Name';
import TITLE from '@salesforce/label/c.Plan_Reviews_Title';
import TRUNCATED from '@salesforce/label/c.Partner_Planning_Truncated';

export const LABELS = {
  cadence: CADENCE,
  cancel: CANCEL,
  colAttainment: COL_ATTAINMENT,
  colDate: COL_DATE,
  colPeriod: COL_PERIOD,
  colReview: COL_REVIEW,
  datesFailed: DATES_FAILED,
  dueIn: DUE_IN,
  dueInOne: DUE_IN_ONE,
  dueToday: DUE_TODAY,
  failedTitle: FAILED_TITLE,
  gathering: GATHERING,
  lastReview: LAST_REVIEW,
  never: NEVER,
  nextReview: NEXT_REVIEW,
  noQuarter: NO_QUARTER,
  noReviews: NO_REVIEWS,
  notScheduled: NOT_SCHEDULED,
  openReview: OPEN_REVIEW,
  overdue: OVERDUE,
  overdueOne: OVERDUE_ONE,
  pastReviews: PAST_REVIEWS,
  prepare: PREPARE,
  prepareConfirm: PREPARE_CONFIRM,
  prepareHelp: PREPARE_HELP,
  prepared: PREPARED,
  quarter: QUARTER,
  reminderFailed: REMINDER_FAILED,
  reviewName: REVIEW_NAME,
  savedTitle: SAVED_TITLE,
  title: TITLE,
  truncated: TRUNCATED,
};
