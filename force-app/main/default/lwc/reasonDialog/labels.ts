/** The Custom Labels this component shows (category Partner Planning). */
import CANCEL from '@salesforce/label/c.Partner_Planning_Cancel';
import REASON_FOR_SAVE_HELP from '@salesforce/label/c.Plan_Editor_Reason_For_Save_Help';
import REASON_REQUIRED from '@salesforce/label/c.Plan_Editor_Reason_Required';
import REVISE_HELP from '@salesforce/label/c.Plan_Editor_Revise_Help';
import REVISION_REASON from '@salesforce/label/c.Plan_Editor_Revision_Reason';
import SAVE_WITH_REASON from '@salesforce/label/c.Plan_Editor_Save_With_Reason';
import START_REVISION from '@salesforce/label/c.Plan_Editor_Start_Revision';

export const LABELS = {
  cancel: CANCEL,
  reasonForSaveHelp: REASON_FOR_SAVE_HELP,
  reasonRequired: REASON_REQUIRED,
  reviseHelp: REVISE_HELP,
  revisionReason: REVISION_REASON,
  saveWithReason: SAVE_WITH_REASON,
  startRevision: START_REVISION,
};
