/** The Custom Labels the opportunity's APR history shows (category Partner Planning). */
import ACTION from '@salesforce/label/c.APR_History_Action';
import ACTOR from '@salesforce/label/c.APR_Logger_Actor';
import DATE from '@salesforce/label/c.APR_Logger_Action_Date';
import DAYS_SINCE_PREVIOUS from '@salesforce/label/c.APR_History_Days_Since_Previous';
import EMPTY from '@salesforce/label/c.APR_History_Empty';
import LAST_ACTION from '@salesforce/label/c.APR_History_Last_Action';
import LAST_ACTION_TODAY from '@salesforce/label/c.APR_History_Last_Action_Today';
import LAST_ACTION_YESTERDAY from '@salesforce/label/c.APR_History_Last_Action_Yesterday';
import LOAD_ERROR from '@salesforce/label/c.APR_History_Load_Error';
import OUTCOME from '@salesforce/label/c.APR_Logger_Outcome';
import QUANTITY from '@salesforce/label/c.APR_Logger_Quantity';
import ROLE from '@salesforce/label/c.APR_Logger_Role';
import STALE from '@salesforce/label/c.APR_History_Stale';
import STALE_HELP from '@salesforce/label/c.APR_History_Stale_Help';
import STALE_NEVER_HELP from '@salesforce/label/c.APR_History_Stale_Never_Help';
import TITLE from '@salesforce/label/c.APR_History_Title';
import TITLE_COUNT from '@salesforce/label/c.APR_History_Title_Count';
import TRUNCATED from '@salesforce/label/c.APR_History_Truncated';

export const LABELS = {
  action: ACTION,
  actor: ACTOR,
  date: DATE,
  daysSincePrevious: DAYS_SINCE_PREVIOUS,
  empty: EMPTY,
  lastAction: LAST_ACTION,
  lastActionToday: LAST_ACTION_TODAY,
  lastActionYesterday: LAST_ACTION_YESTERDAY,
  loadError: LOAD_ERROR,
  outcome: OUTCOME,
  quantity: QUANTITY,
  role: ROLE,
  stale: STALE,
  staleHelp: STALE_HELP,
  staleNeverHelp: STALE_NEVER_HELP,
  title: TITLE,
  titleCount: TITLE_COUNT,
  truncated: TRUNCATED,
};
