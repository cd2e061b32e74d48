/** The Custom Labels this component shows (category Partner Planning). */
import ACTION_MIX from '@salesforce/label/c.Coaching_Action_Mix';
import ACTIONS_PER_WEEK from '@salesforce/label/c.Coaching_Actions_Per_Week';
import ACTIONS_PER_WON_DEAL from '@salesforce/label/c.Coaching_Actions_Per_Won_Deal';
import ACTIONS_PER_WON_DEAL_HEADING from '@salesforce/label/c.Coaching_Actions_Per_Won_Deal_Heading';
import AE_COLUMN from '@salesforce/label/c.Coaching_AE_Column';
import CHART_SUMMARY from '@salesforce/label/c.Coaching_Chart_Summary';
import HIDE_TABLE from '@salesforce/label/c.Coaching_Hide_Table';
import LEGEND_AE from '@salesforce/label/c.Coaching_Legend_AE';
import LEGEND_PARTNER_MANAGER from '@salesforce/label/c.Coaching_Legend_Partner_Manager';
import LOADING from '@salesforce/label/c.Partner_Planning_Loading';
import MIX_ITEM from '@salesforce/label/c.Coaching_Mix_Item';
import NO_ACTIONS from '@salesforce/label/c.Coaching_No_Actions';
import NO_WON_DEALS from '@salesforce/label/c.Coaching_No_Won_Deals';
import PARTNER_MANAGER_COLUMN from '@salesforce/label/c.Coaching_Partner_Manager_Column';
import SECTION_ERROR from '@salesforce/label/c.Coaching_Section_Error';
import SHOW_TABLE from '@salesforce/label/c.Coaching_Show_Table';
import TRUNCATED from '@salesforce/label/c.Partner_Planning_Truncated';
import WEEK_OF from '@salesforce/label/c.Coaching_Week_Of';

export const LABELS = {
  actionMix: ACTION_MIX,
  actionsPerWeek: ACTIONS_PER_WEEK,
  actionsPerWonDeal: ACTIONS_PER_WON_DEAL,
  actionsPerWonDealHeading: ACTIONS_PER_WON_DEAL_HEADING,
  aeColumn: AE_COLUMN,
  chartSummary: CHART_SUMMARY,
  hideTable: HIDE_TABLE,
  legendAe: LEGEND_AE,
  legendPartnerManager: LEGEND_PARTNER_MANAGER,
  loading: LOADING,
  mixItem: MIX_ITEM,
  noActions: NO_ACTIONS,
  noWonDeals: NO_WON_DEALS,
  partnerManagerColumn: PARTNER_MANAGER_COLUMN,
  sectionError: SECTION_ERROR,
  showTable: SHOW_TABLE,
  truncated: TRUNCATED,
  weekOf: WEEK_OF,
};
