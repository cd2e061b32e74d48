/** The Custom Labels the Program Overview shows (category Partner Planning). */
import COL_ACTUAL from '@salesforce/label/c.Partner_Planning_Col_Actual';
import COL_ATTAINMENT from '@salesforce/label/c.Partner_Planning_Col_Attainment';
import COL_METRIC from '@salesforce/label/c.Partner_Planning_Col_Metric';
import COL_PACE from '@salesforce/label/c.Partner_Planning_Col_Pace';
import COL_TARGET from '@salesforce/label/c.Partner_Planning_Col_Target';
import RETRY from '@salesforce/label/c.Partner_Planning_Retry';
import TRUNCATED from '@salesforce/label/c.Partner_Planning_Truncated';
import AVERAGE_ATTAINMENT from '@salesforce/label/c.Program_Overview_Average_Attainment';
import BEHIND_PLANS_OF from '@salesforce/label/c.Program_Overview_Behind_Plans_Of';
import BY_MANAGER from '@salesforce/label/c.Program_Overview_By_Manager';
import BY_METRIC from '@salesforce/label/c.Program_Overview_By_Metric';
import BY_PARTNER from '@salesforce/label/c.Program_Overview_By_Partner';
import BY_TIER from '@salesforce/label/c.Program_Overview_By_Tier';
import COL_ACTIONS from '@salesforce/label/c.Program_Overview_Col_Actions';
import COL_AMOUNT from '@salesforce/label/c.Program_Overview_Col_Amount';
import COL_BY_TYPE from '@salesforce/label/c.Program_Overview_Col_By_Type';
import COL_DEALS from '@salesforce/label/c.Program_Overview_Col_Deals';
import COL_EXPECTED from '@salesforce/label/c.Program_Overview_Col_Expected';
import COL_HIGHEST from '@salesforce/label/c.Program_Overview_Col_Highest';
import COL_LOWEST from '@salesforce/label/c.Program_Overview_Col_Lowest';
import COL_MANAGER from '@salesforce/label/c.Program_Overview_Col_Manager';
import COL_OWNER from '@salesforce/label/c.Program_Overview_Col_Owner';
import COL_PARTNER from '@salesforce/label/c.Program_Overview_Col_Partner';
import COL_PERSON from '@salesforce/label/c.Program_Overview_Col_Person';
import COL_PLANS from '@salesforce/label/c.Program_Overview_Col_Plans';
import COL_QUANTITY from '@salesforce/label/c.Program_Overview_Col_Quantity';
import COL_RANK from '@salesforce/label/c.Program_Overview_Col_Rank';
import COL_TARGETS from '@salesforce/label/c.Program_Overview_Col_Targets';
import COL_TIER from '@salesforce/label/c.Program_Overview_Col_Tier';
import CURRENCY_NOTE from '@salesforce/label/c.Program_Overview_Currency_Note';
import LEADERBOARD from '@salesforce/label/c.Program_Overview_Leaderboard';
import LEADERBOARD_NOTE from '@salesforce/label/c.Program_Overview_Leaderboard_Note';
import LOAD_ERROR from '@salesforce/label/c.Program_Overview_Load_Error';
import NO_ACTIONS from '@salesforce/label/c.Program_Overview_No_Actions';
import NO_BEHIND from '@salesforce/label/c.Program_Overview_No_Behind';
import NO_MANAGER from '@salesforce/label/c.Program_Overview_No_Manager';
import NO_OWNER from '@salesforce/label/c.Program_Overview_No_Owner';
import NO_PARTNER from '@salesforce/label/c.Program_Overview_No_Partner';
import NO_PERSON from '@salesforce/label/c.Program_Overview_No_Person';
import NO_PLANS from '@salesforce/label/c.Program_Overview_No_Plans';
import NO_STALE from '@salesforce/label/c.Program_Overview_No_Stale';
import NO_TARGETS from '@salesforce/label/c.Program_Overview_No_Targets';
import NO_TIER from '@salesforce/label/c.Program_Overview_No_Tier';
import OPEN_PARTNER from '@salesforce/label/c.Program_Overview_Open_Partner';
import OPEN_PLAN from '@salesforce/label/c.Program_Overview_Open_Plan';
import OPEN_PLANS from '@salesforce/label/c.Program_Overview_Open_Plans';
import PART_ERROR from '@salesforce/label/c.Program_Overview_Part_Error';
import PARTNERS from '@salesforce/label/c.Program_Overview_Partners';
import PLAN_BEHIND from '@salesforce/label/c.Program_Overview_Plan_Behind';
import SHOW_PLANS from '@salesforce/label/c.Program_Overview_Show_Plans';
import STALE_BY_OWNER from '@salesforce/label/c.Program_Overview_Stale_By_Owner';
import STALE_DEALS from '@salesforce/label/c.Program_Overview_Stale_Deals';
import STALE_NOTE from '@salesforce/label/c.Program_Overview_Stale_Note';
import SUBTITLE from '@salesforce/label/c.Program_Overview_Subtitle';
import SUMMARY from '@salesforce/label/c.Program_Overview_Summary';
import SUMS_NOTE from '@salesforce/label/c.Program_Overview_Sums_Note';
import TARGETS_BEHIND from '@salesforce/label/c.Program_Overview_Targets_Behind';
import TIER_NOTE from '@salesforce/label/c.Program_Overview_Tier_Note';
import TITLE from '@salesforce/label/c.Program_Overview_Title';

export const LABELS = {
  averageAttainment: AVERAGE_ATTAINMENT,
  behindPlansOf: BEHIND_PLANS_OF,
  byManager: BY_MANAGER,
  byMetric: BY_METRIC,
  byPartner: BY_PARTNER,
  byTier: BY_TIER,
  colActions: COL_ACTIONS,
  colActual: COL_ACTUAL,
  colAmount: COL_AMOUNT,
  colAttainment: COL_ATTAINMENT,
  colByType: COL_BY_TYPE,
  colDeals: COL_DEALS,
  colExpected: COL_EXPECTED,
  colHighest: COL_HIGHEST,
  colLowest: COL_LOWEST,
  colManager: COL_MANAGER,
  colMetric: COL_METRIC,
  colOwner: COL_OWNER,
  colPace: COL_PACE,
  colPartner: COL_PARTNER,
  colPerson: COL_PERSON,
  colPlans: COL_PLANS,
  colQuantity: COL_QUANTITY,
  colRank: COL_RANK,
  colTarget: COL_TARGET,
  colTargets: COL_TARGETS,
  colTier: COL_TIER,
  currencyNote: CURRENCY_NOTE,
  leaderboard: LEADERBOARD,
  leaderboardNote: LEADERBOARD_NOTE,
  loadError: LOAD_ERROR,
  noActions: NO_ACTIONS,
  noBehind: NO_BEHIND,
  noManager: NO_MANAGER,
  noOwner: NO_OWNER,
  noPartner: NO_PARTNER,
  noPerson: NO_PERSON,
  noPlans: NO_PLANS,
  noStale: NO_STALE,
  noTargets: NO_TARGETS,
  noTier: NO_TIER,
  openPartner: OPEN_PARTNER,
  openPlan: OPEN_PLAN,
  openPlans: OPEN_PLANS,
  partError: PART_ERROR,
  partners: PARTNERS,
  planBehind: PLAN_BEHIND,
  retry: RETRY,
  showPlans: SHOW_PLANS,
  staleByOwner: STALE_BY_OWNER,
  staleDeals: STALE_DEALS,
  staleNote: STALE_NOTE,
  subtitle: SUBTITLE,
  summary: SUMMARY,
  sumsNote: SUMS_NOTE,
  targetsBehind: TARGETS_BEHIND,
  tierNote: TIER_NOTE,
  title: TITLE,
  truncated: TRUNCATED,
};
