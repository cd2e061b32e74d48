/** The Custom Labels this component shows (category Partner Planning). */
import ACTIVATE from '@salesforce/label/c.Plan_Lifecycle_Activate';
import ACCEPTED_BY_ON from '@salesforce/label/c.Plan_Editor_Accepted_By_On';
import ACCEPTED_BY_PARTNER from '@salesforce/label/c.Plan_Editor_Accepted_By_Partner';
import CLOSE_PLAN from '@salesforce/label/c.Plan_Lifecycle_Close';
import CURRENT_STATUS from '@salesforce/label/c.Plan_Lifecycle_Current_Status';
import MARK_ACCEPTED from '@salesforce/label/c.Plan_Editor_Mark_Accepted';
import REVISE from '@salesforce/label/c.Plan_Editor_Revise';
import SUBMIT_FOR_REVIEW from '@salesforce/label/c.Plan_Editor_Submit_For_Review';
import VERSION from '@salesforce/label/c.Plan_Editor_Version';
import VERSION_VALUE from '@salesforce/label/c.Plan_Editor_Version_Value';

export const LABELS = {
  acceptedByOn: ACCEPTED_BY_ON,
  acceptedByPartner: ACCEPTED_BY_PARTNER,
  activate: ACTIVATE,
  closePlan: CLOSE_PLAN,
  currentStatus: CURRENT_STATUS,
  markAccepted: MARK_ACCEPTED,
  revise: REVISE,
  submitForReview: SUBMIT_FOR_REVIEW,
  version: VERSION,
  versionValue: VERSION_VALUE,
};
