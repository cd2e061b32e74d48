/** The Custom Labels the Log APR Action dialog shows (category Partner Planning). */
import ACTION_DATE from '@salesforce/label/c.APR_Logger_Action_Date';
import ACTION_TYPE from '@salesforce/label/c.APR_Logger_Action_Type';
import ACTOR from '@salesforce/label/c.APR_Logger_Actor';
import ACTOR_REQUIRED from '@salesforce/label/c.APR_Logger_Actor_Required';
import CANCEL from '@salesforce/label/c.Partner_Planning_Cancel';
import COUNTS_TOWARD_PLAN from '@salesforce/label/c.APR_Logger_Counts_Toward_Plan';
import COUNTS_TOWARD_TARGET from '@salesforce/label/c.APR_Logger_Counts_Toward_Target';
import COUNTS_TOWARD_TITLE from '@salesforce/label/c.APR_Logger_Counts_Toward_Title';
import DATE_IN_FUTURE from '@salesforce/label/c.APR_Logger_Date_In_Future';
import DATE_REQUIRED from '@salesforce/label/c.APR_Logger_Date_Required';
import FINDING_PLAN from '@salesforce/label/c.APR_Logger_Finding_Plan';
import LOAD_ERROR from '@salesforce/label/c.APR_Logger_Load_Error';
import LOADING from '@salesforce/label/c.Partner_Planning_Loading';
import MORE_TYPES from '@salesforce/label/c.APR_Logger_More_Types';
import MORE_TYPES_PLACEHOLDER from '@salesforce/label/c.APR_Logger_More_Types_Placeholder';
import NEXT_STEP from '@salesforce/label/c.APR_Logger_Next_Step';
import NO_ACTIVE_PLAN from '@salesforce/label/c.APR_Logger_No_Active_Plan';
import NO_MATCHING_TARGET from '@salesforce/label/c.APR_Logger_No_Matching_Target';
import NO_PARTNER from '@salesforce/label/c.APR_Logger_No_Partner';
import NO_RECENT from '@salesforce/label/c.APR_Logger_No_Recent';
import NOTES from '@salesforce/label/c.APR_Logger_Notes';
import ON_OPPORTUNITY from '@salesforce/label/c.APR_Logger_On_Opportunity';
import OUTCOME from '@salesforce/label/c.APR_Logger_Outcome';
import PLAN_LOOKUP_FAILED from '@salesforce/label/c.APR_Logger_Plan_Lookup_Failed';
import QUANTITY from '@salesforce/label/c.APR_Logger_Quantity';
import QUANTITY_INVALID from '@salesforce/label/c.APR_Logger_Quantity_Invalid';
import RECENT_ACTIONS from '@salesforce/label/c.APR_Logger_Recent_Actions';
import RECENT_COUNT from '@salesforce/label/c.APR_Logger_Recent_Count';
import RECENT_ERROR from '@salesforce/label/c.APR_Logger_Recent_Error';
import ROLE from '@salesforce/label/c.APR_Logger_Role';
import ROLE_HINT_CHOSEN from '@salesforce/label/c.APR_Logger_Role_Hint_Chosen';
import ROLE_HINT_OTHER from '@salesforce/label/c.APR_Logger_Role_Hint_Other';
import ROLE_HINT_OWNER from '@salesforce/label/c.APR_Logger_Role_Hint_Owner';
import ROLE_HINT_PARTNER_MANAGER from '@salesforce/label/c.APR_Logger_Role_Hint_Partner_Manager';
import SAVE from '@salesforce/label/c.Partner_Planning_Save';
import SAVE_FAILED from '@salesforce/label/c.APR_Logger_Save_Failed';
import THE_PARTNER from '@salesforce/label/c.APR_Logger_The_Partner';
import TITLE from '@salesforce/label/c.APR_Logger_Title';
import TYPE_PLACEHOLDER from '@salesforce/label/c.APR_Logger_Type_Placeholder';
import TYPE_REQUIRED from '@salesforce/label/c.APR_Logger_Type_Required';

export const LABELS = {
  actionDate: ACTION_DATE,
  actionType: ACTION_TYPE,
  actor: ACTOR,
  actorRequired: ACTOR_REQUIRED,
  cancel: CANCEL,
  countsTowardPlan: COUNTS_TOWARD_PLAN,
  countsTowardTarget: COUNTS_TOWARD_TARGET,
  countsTowardTitle: COUNTS_TOWARD_TITLE,
  dateInFuture: DATE_IN_FUTURE,
  dateRequired: DATE_REQUIRED,
  findingPlan: FINDING_PLAN,
  loadError: LOAD_ERROR,
  loading: LOADING,
  moreTypes: MORE_TYPES,
  moreTypesPlaceholder: MORE_TYPES_PLACEHOLDER,
  nextStep: NEXT_STEP,
  noActivePlan: NO_ACTIVE_PLAN,
  noMatchingTarget: NO_MATCHING_TARGET,
  noPartner: NO_PARTNER,
  noRecent: NO_RECENT,
  notes: NOTES,
  onOpportunity: ON_OPPORTUNITY,
  outcome: OUTCOME,
  planLookupFailed: PLAN_LOOKUP_FAILED,
  quantity: QUANTITY,
  quantityInvalid: QUANTITY_INVALID,
  recentActions: RECENT_ACTIONS,
  recentCount: RECENT_COUNT,
  recentError: RECENT_ERROR,
  role: ROLE,
  roleHintChosen: ROLE_HINT_CHOSEN,
  roleHintOther: ROLE_HINT_OTHER,
  roleHintOwner: ROLE_HINT_OWNER,
  roleHintPartnerManager: ROLE_HINT_PARTNER_MANAGER,
  save: SAVE,
  saveFailed: SAVE_FAILED,
  thePartner: THE_PARTNER,
  title: TITLE,
  typePlaceholder: TYPE_PLACEHOLDER,
  typeRequired: TYPE_REQUIRED,
};
