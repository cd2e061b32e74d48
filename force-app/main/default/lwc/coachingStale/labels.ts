/** The Custom Labels this component shows (category Partner Planning). */
import COL_AMOUNT from '@salesforce/label/c.Coaching_Col_Amount';
import COL_CLOSE_DATE from '@salesforce/label/c.Coaching_Col_Close_Date';
import COL_DEAL from '@salesforce/label/c.Coaching_Col_Deal';
import COL_IDLE from '@salesforce/label/c.Coaching_Col_Idle';
import DAYS_IDLE from '@salesforce/label/c.Coaching_Days_Idle';
import DAYS_IDLE_ONE from '@salesforce/label/c.Coaching_Days_Idle_One';
import DEALS from '@salesforce/label/c.Coaching_Deals';
import LAST_ACTION from '@salesforce/label/c.Coaching_Last_Action';
import LOADING from '@salesforce/label/c.Partner_Planning_Loading';
import NEVER from '@salesforce/label/c.Partner_Planning_Never';
import NEVER_ACTIONED from '@salesforce/label/c.Coaching_Never_Actioned';
import NO_ACTION_FOR14_DAYS from '@salesforce/label/c.Coaching_No_Action_14_Days';
import NO_STALE_ACCOUNTS from '@salesforce/label/c.Coaching_No_Stale_Accounts';
import NO_STALE_DEALS from '@salesforce/label/c.Coaching_No_Stale_Deals';
import NO_TARGET_ACCOUNTS from '@salesforce/label/c.Coaching_No_Target_Accounts';
import SECTION_ERROR from '@salesforce/label/c.Coaching_Section_Error';
import STALE_ORDER from '@salesforce/label/c.Coaching_Stale_Order';
import TARGET_ACCOUNTS from '@salesforce/label/c.Coaching_Target_Accounts';
import TRUNCATED from '@salesforce/label/c.Partner_Planning_Truncated';

export const LABELS = {
  colAmount: COL_AMOUNT,
  colCloseDate: COL_CLOSE_DATE,
  colDeal: COL_DEAL,
  colIdle: COL_IDLE,
  daysIdle: DAYS_IDLE,
  daysIdleOne: DAYS_IDLE_ONE,
  deals: DEALS,
  lastAction: LAST_ACTION,
  loading: LOADING,
  never: NEVER,
  neverActioned: NEVER_ACTIONED,
  noActionFor14Days: NO_ACTION_FOR14_DAYS,
  noStaleAccounts: NO_STALE_ACCOUNTS,
  noStaleDeals: NO_STALE_DEALS,
  noTargetAccounts: NO_TARGET_ACCOUNTS,
  sectionError: SECTION_ERROR,
  staleOrder: STALE_ORDER,
  targetAccounts: TARGET_ACCOUNTS,
  truncated: TRUNCATED,
};
