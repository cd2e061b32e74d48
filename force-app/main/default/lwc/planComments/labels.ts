/** The Custom Labels this component shows (category Partner Planning). */
import ABOUT_PLAN from '@salesforce/label/c.Plan_Comments_About_Plan';
import ABOUT_TARGET from '@salesforce/label/c.Plan_Comments_About_Target';
import BODY from '@salesforce/label/c.Plan_Comments_Body';
import BODY_REQUIRED from '@salesforce/label/c.Plan_Comments_Body_Required';
import CLOSED from '@salesforce/label/c.Plan_Comments_Closed';
import COUNTER from '@salesforce/label/c.Plan_Comments_Counter';
import EMPTY from '@salesforce/label/c.Plan_Comments_Empty';
import EMPTY_TARGET from '@salesforce/label/c.Plan_Comments_Empty_Target';
import INTERNAL_BADGE from '@salesforce/label/c.Plan_Comments_Internal_Badge';
import INTERNAL_ONLY from '@salesforce/label/c.Plan_Comments_Internal_Only';
import INTERNAL_ONLY_HELP from '@salesforce/label/c.Plan_Comments_Internal_Only_Help';
import JUST_NOW from '@salesforce/label/c.Plan_Comments_Just_Now';
import POST from '@salesforce/label/c.Plan_Comments_Post';
import POST_FAILED from '@salesforce/label/c.Plan_Comments_Post_Failed';
import POSTED from '@salesforce/label/c.Plan_Comments_Posted';
import RETRY from '@salesforce/label/c.Partner_Planning_Retry';
import TARGET_TITLE from '@salesforce/label/c.Plan_Comments_Target_Title';
import TITLE from '@salesforce/label/c.Plan_Comments_Title';
import TRUNCATED from '@salesforce/label/c.Partner_Planning_Truncated';
import UNKNOWN_AUTHOR from '@salesforce/label/c.Plan_Comments_Unknown_Author';

export const LABELS = {
  aboutPlan: ABOUT_PLAN,
  aboutTarget: ABOUT_TARGET,
  body: BODY,
  bodyRequired: BODY_REQUIRED,
  closed: CLOSED,
  counter: COUNTER,
  empty: EMPTY,
  emptyTarget: EMPTY_TARGET,
  internalBadge: INTERNAL_BADGE,
  internalOnly: INTERNAL_ONLY,
  internalOnlyHelp: INTERNAL_ONLY_HELP,
  justNow: JUST_NOW,
  post: POST,
  postFailed: POST_FAILED,
  posted: POSTED,
  retry: RETRY,
  targetTitle: TARGET_TITLE,
  title: TITLE,
  truncated: TRUNCATED,
  unknownAuthor: UNKNOWN_AUTHOR,
};
