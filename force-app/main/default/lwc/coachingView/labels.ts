/** The Custom Labels this component shows (category Partner Planning). */
import ACTION_MIX from '@salesforce/label/c.Coaching_Action_Mix';
import ACTIONS_PER_WEEK from '@salesforce/label/c.Coaching_Actions_Per_Week';
import ACTIONS_PER_WON_DEAL from '@salesforce/label/c.Coaching_Actions_Per_Won_Deal';
import ACTIONS_PER_WON_DEAL_HEADING from '@salesforce/label/c.Coaching_Actions_Per_Won_Deal_Heading';
import ADD_NOTE from '@salesforce/label/c.Coaching_Add_Note';
import AE_COLUMN from '@salesforce/label/c.Coaching_AE_Column';
import AGREED_NEXT_STEP from '@salesforce/label/c.Coaching_Agreed_Next_Step';
import CHART_SUMMARY from '@salesforce/label/c.Coaching_Chart_Summary';
import COACHING_NOTES from '@salesforce/label/c.Coaching_Notes';
import COL_ACTUAL from '@salesforce/label/c.Partner_Planning_Col_Actual';
import COL_ATTAINMENT from '@salesforce/label/c.Partner_Planning_Col_Attainment';
import COL_METRIC from '@salesforce/label/c.Partner_Planning_Col_Metric';
import COL_PACE from '@salesforce/label/c.Partner_Planning_Col_Pace';
import COL_PERIOD from '@salesforce/label/c.Partner_Planning_Col_Period';
import COL_TARGET from '@salesforce/label/c.Partner_Planning_Col_Target';
import DEALS from '@salesforce/label/c.Coaching_Deals';
import HIDE_TABLE from '@salesforce/label/c.Coaching_Hide_Table';
import LAST_ACTION from '@salesforce/label/c.Coaching_Last_Action';
import LEGEND_AE from '@salesforce/label/c.Coaching_Legend_AE';
import LEGEND_PARTNER_MANAGER from '@salesforce/label/c.Coaching_Legend_Partner_Manager';
import LOAD_ERROR_TITLE from '@salesforce/label/c.Partner_Planning_Load_Error_Title';
import LOADING from '@salesforce/label/c.Partner_Planning_Loading';
import MIX_ITEM from '@salesforce/label/c.Coaching_Mix_Item';
import NEVER from '@salesforce/label/c.Partner_Planning_Never';
import NEW_NOTE from '@salesforce/label/c.Coaching_New_Note';
import NEXT_STEP_VALUE from '@salesforce/label/c.Coaching_Next_Step_Value';
import NO_ACTION_FOR14_DAYS from '@salesforce/label/c.Coaching_No_Action_14_Days';
import NO_ACTIONS from '@salesforce/label/c.Coaching_No_Actions';
import NO_NOTES from '@salesforce/label/c.Coaching_No_Notes';
import NO_PAIRS_FOR_USER from '@salesforce/label/c.Coaching_No_Pairs_For_User';
import NO_PAIRS_ON_PLAN from '@salesforce/label/c.Coaching_No_Pairs_On_Plan';
import NO_STALE_ACCOUNTS from '@salesforce/label/c.Coaching_No_Stale_Accounts';
import NO_STALE_DEALS from '@salesforce/label/c.Coaching_No_Stale_Deals';
import NO_TARGET_ACCOUNTS from '@salesforce/label/c.Coaching_No_Target_Accounts';
import NO_WON_DEALS from '@salesforce/label/c.Coaching_No_Won_Deals';
import NOTE_ADDED from '@salesforce/label/c.Coaching_Note_Added';
import NOTE_ADDED_TITLE from '@salesforce/label/c.Coaching_Note_Added_Title';
import NOTE_REQUIRED from '@salesforce/label/c.Coaching_Note_Required';
import OVERALL_ATTAINMENT from '@salesforce/label/c.Partner_Planning_Overall_Attainment';
import PACE_COUNTS from '@salesforce/label/c.Plan_Progress_Pace_Counts';
import PACE_NOT_STARTED from '@salesforce/label/c.Plan_Progress_Pace_Not_Started';
import PACE_OF_EXPECTED from '@salesforce/label/c.Plan_Progress_Pace_Of_Expected';
import PAIR from '@salesforce/label/c.Coaching_Pair';
import PAIR_OPTION from '@salesforce/label/c.Coaching_Pair_Option';
import PARTNER_MANAGER_COLUMN from '@salesforce/label/c.Coaching_Partner_Manager_Column';
import SHARED_NUMBER from '@salesforce/label/c.Coaching_Shared_Number';
import SHOW_TABLE from '@salesforce/label/c.Coaching_Show_Table';
import TARGET_ACCOUNTS from '@salesforce/label/c.Coaching_Target_Accounts';
import TITLE from '@salesforce/label/c.Coaching_Title';
import TRUNCATED from '@salesforce/label/c.Partner_Planning_Truncated';
import WEEK_OF from '@salesforce/label/c.Coaching_Week_Of';

export const LABELS = {
  actionMix: ACTION_MIX,
  actionsPerWeek: ACTIONS_PER_WEEK,
  actionsPerWonDeal: ACTIONS_PER_WON_DEAL,
  actionsPerWonDealHeading: ACTIONS_PER_WON_DEAL_HEADING,
  addNote: ADD_NOTE,
  aeColumn: AE_COLUMN,
  agreedNextStep: AGREED_NEXT_STEP,
  chartSummary: CHART_SUMMARY,
  coachingNotes: COACHING_NOTES,
  colActual: COL_ACTUAL,
  colAttainment: COL_ATTAINMENT,
  colMetric: COL_METRIC,
  colPace: COL_PACE,
  colPeriod: COL_PERIOD,
  colTarget: COL_TARGET,
  deals: DEALS,
  hideTable: HIDE_TABLE,
  lastAction: LAST_ACTION,
  legendAe: LEGEND_AE,
  legendPartnerManager: LEGEND_PARTNER_MANAGER,
  loadErrorTitle: LOAD_ERROR_TITLE,
  loading: LOADING,
  mixItem: MIX_ITEM,
  never: NEVER,
  newNote: NEW_NOTE,
  nextStepValue: NEXT_STEP_VALUE,
  noActionFor14Days: NO_ACTION_FOR14_DAYS,
  noActions: NO_ACTIONS,
  noNotes: NO_NOTES,
  noPairsForUser: NO_PAIRS_FOR_USER,
  noPairsOnPlan: NO_PAIRS_ON_PLAN,
  noStaleAccounts: NO_STALE_ACCOUNTS,
  noStaleDeals: NO_STALE_DEALS,
  noTargetAccounts: NO_TARGET_ACCOUNTS,
  noWonDeals: NO_WON_DEALS,
  noteAdded: NOTE_ADDED,
  noteAddedTitle: NOTE_ADDED_TITLE,
  noteRequired: NOTE_REQUIRED,
  overallAttainment: OVERALL_ATTAINMENT,
  paceCounts: PACE_COUNTS,
  paceNotStarted: PACE_NOT_STARTED,
  paceOfExpected: PACE_OF_EXPECTED,
  pair: PAIR,
  pairOption: PAIR_OPTION,
  partnerManagerColumn: PARTNER_MANAGER_COLUMN,
  sharedNumber: SHARED_NUMBER,
  showTable: SHOW_TABLE,
  targetAccounts: TARGET_ACCOUNTS,
  title: TITLE,
  truncated: TRUNCATED,
  weekOf: WEEK_OF,
};
