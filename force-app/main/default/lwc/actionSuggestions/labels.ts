/** The Custom Labels this component shows (category Partner Planning). */
import ACCEPT from '@salesforce/label/c.Action_Suggestions_Accept';
import ACCEPT_ALT from '@salesforce/label/c.Action_Suggestions_Accept_Alt';
import BASIS_PAIR from '@salesforce/label/c.Action_Suggestions_Basis_Pair';
import BASIS_PARTNER from '@salesforce/label/c.Action_Suggestions_Basis_Partner';
import BASIS_PROGRAM from '@salesforce/label/c.Action_Suggestions_Basis_Program';
import CREATED from '@salesforce/label/c.Action_Suggestions_Created';
import CREATED_TITLE from '@salesforce/label/c.Action_Suggestions_Created_Title';
import DISMISS from '@salesforce/label/c.Action_Suggestions_Dismiss';
import DISMISS_ALT from '@salesforce/label/c.Action_Suggestions_Dismiss_Alt';
import EMPTY from '@salesforce/label/c.Action_Suggestions_Empty';
import FALLBACK from '@salesforce/label/c.Action_Suggestions_Fallback';
import FOR_RESULT from '@salesforce/label/c.Action_Suggestions_For_Result';
import INTRO from '@salesforce/label/c.Action_Suggestions_Intro';
import NO_ACTIONS from '@salesforce/label/c.Action_Suggestions_No_Actions';
import NO_WON_DEALS from '@salesforce/label/c.Action_Suggestions_No_Won_Deals';
import NO_WON_REVENUE from '@salesforce/label/c.Action_Suggestions_No_Won_Revenue';
import PER_DEAL from '@salesforce/label/c.Action_Suggestions_Per_Deal';
import PER_REVENUE from '@salesforce/label/c.Action_Suggestions_Per_Revenue';
import PLAN_LOCKED from '@salesforce/label/c.Action_Suggestions_Plan_Locked';
import SHOW_ALL from '@salesforce/label/c.Action_Suggestions_Show_All';
import SHOW_FEWER from '@salesforce/label/c.Action_Suggestions_Show_Fewer';
import TITLE from '@salesforce/label/c.Action_Suggestions_Title';
import TOO_MANY from '@salesforce/label/c.Action_Suggestions_Too_Many';
import VALUE from '@salesforce/label/c.Action_Suggestions_Value';

export const LABELS = {
  accept: ACCEPT,
  acceptAlt: ACCEPT_ALT,
  basisPair: BASIS_PAIR,
  basisPartner: BASIS_PARTNER,
  basisProgram: BASIS_PROGRAM,
  created: CREATED,
  createdTitle: CREATED_TITLE,
  dismiss: DISMISS,
  dismissAlt: DISMISS_ALT,
  empty: EMPTY,
  fallback: FALLBACK,
  forResult: FOR_RESULT,
  intro: INTRO,
  noActions: NO_ACTIONS,
  noWonDeals: NO_WON_DEALS,
  noWonRevenue: NO_WON_REVENUE,
  perDeal: PER_DEAL,
  perRevenue: PER_REVENUE,
  planLocked: PLAN_LOCKED,
  showAll: SHOW_ALL,
  showFewer: SHOW_FEWER,
  title: TITLE,
  tooMany: TOO_MANY,
  value: VALUE,
};
