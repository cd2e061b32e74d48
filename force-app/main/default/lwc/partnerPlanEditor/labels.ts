/** The Custom Labels this component shows (category Partner Planning). */
import ACCEPT_CONFIRM from '@salesforce/label/c.Plan_Editor_Accept_Confirm';
import ACCEPT_FAILED_TITLE from '@salesforce/label/c.Plan_Editor_Accept_Failed_Title';
import ACCEPT_TITLE from '@salesforce/label/c.Plan_Editor_Accept_Title';
import ACCEPTED from '@salesforce/label/c.Plan_Editor_Accepted';
import ACCEPTED_TITLE from '@salesforce/label/c.Plan_Editor_Accepted_Title';
import ACTION_FAILED_TITLE from '@salesforce/label/c.Partner_Planning_Action_Failed_Title';
import ADD_SECTION from '@salesforce/label/c.Plan_Editor_Add_Section';
import ADD_TARGET from '@salesforce/label/c.Plan_Editor_Add_Target';
import ADD_TARGET_TO from '@salesforce/label/c.Plan_Editor_Add_Target_To';
import ALL_COMMENTS from '@salesforce/label/c.Plan_Editor_All_Comments';
import BASELINES_FAILED from '@salesforce/label/c.Plan_Editor_Baselines_Failed';
import DISCARD from '@salesforce/label/c.Plan_Editor_Discard';
import DISCARD_CONFIRM from '@salesforce/label/c.Plan_Editor_Discard_Confirm';
import DISCARD_TITLE from '@salesforce/label/c.Plan_Editor_Discard_Title';
import EDIT_SECTION_NAMED from '@salesforce/label/c.Plan_Editor_Edit_Section';
import FIX_ERRORS_BEFORE_SAVE from '@salesforce/label/c.Plan_Editor_Fix_Errors';
import FIX_ERRORS_TITLE from '@salesforce/label/c.Plan_Editor_Fix_Errors_Title';
import LOCKED_HINT from '@salesforce/label/c.Plan_Editor_Locked_Hint';
import READ_ONLY_ACCESS from '@salesforce/label/c.Plan_Editor_Read_Only_Access';
import METRIC_REQUIRED from '@salesforce/label/c.Plan_Editor_Metric_Required';
import MOVE_SECTION_DOWN from '@salesforce/label/c.Plan_Editor_Move_Down';
import MOVE_SECTION_UP from '@salesforce/label/c.Plan_Editor_Move_Up';
import NEW_SECTION from '@salesforce/label/c.Plan_Editor_New_Section';
import NO_SECTIONS_BODY from '@salesforce/label/c.Plan_Editor_No_Sections_Body';
import NO_SECTIONS_TITLE from '@salesforce/label/c.Plan_Editor_No_Sections_Title';
import NO_TARGETS from '@salesforce/label/c.Plan_Editor_No_Targets';
import ONE_UNSAVED_CHANGE from '@salesforce/label/c.Plan_Editor_One_Unsaved';
import PERIOD_REQUIRED from '@salesforce/label/c.Plan_Editor_Period_Required';
import REASON_FOR_SAVE_TITLE from '@salesforce/label/c.Plan_Editor_Reason_For_Save_Title';
import REASON_NOT_NEW from '@salesforce/label/c.Plan_Editor_Reason_Not_New';
import REORDER_FAILED from '@salesforce/label/c.Plan_Editor_Reorder_Failed';
import RETRY from '@salesforce/label/c.Partner_Planning_Retry';
import REVISE_TITLE from '@salesforce/label/c.Plan_Editor_Revise_Title';
import REVISING_NO_REASON from '@salesforce/label/c.Plan_Editor_Revising_No_Reason';
import REVISING_UNBASELINED from '@salesforce/label/c.Plan_Editor_Revising_Unbaselined';
import REVISING_WITH_REASON from '@salesforce/label/c.Plan_Editor_Revising_With_Reason';
import REVISION_STARTED from '@salesforce/label/c.Plan_Editor_Revision_Started';
import SAVE from '@salesforce/label/c.Partner_Planning_Save';
import SAVE_BEFORE_LIFECYCLE from '@salesforce/label/c.Plan_Editor_Save_Before_Lifecycle';
import SAVE_FAILED_TITLE from '@salesforce/label/c.Plan_Editor_Save_Failed_Title';
import SAVED_TITLE from '@salesforce/label/c.Partner_Planning_Saved_Title';
import SECTION_ADDED from '@salesforce/label/c.Plan_Editor_Section_Added';
import SECTION_ATTAINMENT from '@salesforce/label/c.Plan_Editor_Section_Attainment';
import SECTION_NAME_REQUIRED from '@salesforce/label/c.Plan_Editor_Section_Name_Required';
import SECTION_SAVED from '@salesforce/label/c.Plan_Editor_Section_Saved';
import SECTIONS from '@salesforce/label/c.Plan_Editor_Sections';
import START_FROM_TEMPLATE from '@salesforce/label/c.Plan_Editor_Start_From_Template';
import SUBMIT_NEEDS_TARGETS from '@salesforce/label/c.Plan_Editor_Submit_Needs_Targets';
import SUBMITTED from '@salesforce/label/c.Plan_Editor_Submitted';
import TARGET_ADDED from '@salesforce/label/c.Plan_Editor_Target_Added';
import TARGET_SAVED from '@salesforce/label/c.Plan_Editor_Target_Saved';
import TARGET_VALUE_REQUIRED from '@salesforce/label/c.Plan_Editor_Target_Value_Required';
import TARGETS_NOT_SAVED from '@salesforce/label/c.Plan_Editor_Targets_Not_Saved';
import TARGETS_SAVED from '@salesforce/label/c.Plan_Editor_Targets_Saved';
import TOO_MANY_TARGETS from '@salesforce/label/c.Plan_Editor_Too_Many_Targets';
import TRUNCATED from '@salesforce/label/c.Partner_Planning_Truncated';
import UNSAVED_CHANGES from '@salesforce/label/c.Plan_Editor_Unsaved_Changes';
import UNSAVED_REGION from '@salesforce/label/c.Plan_Editor_Unsaved_Region';
import ASK_OWNER_CHANGE from '@salesforce/label/c.Plan_Editor_Ask_Owner_Change';
import ASK_OWNER_REVISE from '@salesforce/label/c.Plan_Editor_Ask_Owner_Revise';
import ASK_OWNER_ACTIVATE from '@salesforce/label/c.Plan_Lifecycle_Ask_Owner_Activate';
import ASK_OWNER_CLOSE from '@salesforce/label/c.Plan_Lifecycle_Ask_Owner_Close';
import CONFIRM_ACCEPT from '@salesforce/label/c.Plan_Lifecycle_Confirm_Accept';
import CONFIRM_ACTIVATE from '@salesforce/label/c.Plan_Lifecycle_Confirm_Activate';
import CONFIRM_CLOSE from '@salesforce/label/c.Plan_Lifecycle_Confirm_Close';
import ACTIVATE_CONFIRM from '@salesforce/label/c.Plan_Lifecycle_Activate_Confirm';
import ACTIVATE_TITLE from '@salesforce/label/c.Plan_Lifecycle_Activate_Title';
import ACTIVATED from '@salesforce/label/c.Plan_Lifecycle_Activated';
import ACTIVATES_ON from '@salesforce/label/c.Plan_Lifecycle_Activates_On';
import CLOSE_CONFIRM from '@salesforce/label/c.Plan_Lifecycle_Close_Confirm';
import CLOSE_TITLE from '@salesforce/label/c.Plan_Lifecycle_Close_Title';
import CLOSED from '@salesforce/label/c.Plan_Lifecycle_Closed';
import CLOSED_BODY from '@salesforce/label/c.Plan_Lifecycle_Closed_Body';
import CLOSED_TITLE from '@salesforce/label/c.Plan_Lifecycle_Closed_Title';
import CLOSES_AFTER from '@salesforce/label/c.Plan_Lifecycle_Closes_After';
import OWNER_ACTIVATES from '@salesforce/label/c.Plan_Lifecycle_Owner_Activates';
import OWNER_CLOSES from '@salesforce/label/c.Plan_Lifecycle_Owner_Closes';
import DELETE_CONFIRM from '@salesforce/label/c.Target_Editor_Delete_Confirm';
import DELETE_TITLE from '@salesforce/label/c.Target_Editor_Delete_Title';
import DELETE_YEAR_CONFIRM from '@salesforce/label/c.Target_Editor_Delete_Year_Confirm';
import EDIT_TARGET_HEADING from '@salesforce/label/c.Target_Editor_Edit_Heading';
import SPLIT_DELETE_CONFIRM from '@salesforce/label/c.Target_Editor_Split_Delete_Confirm';
import SPLIT_DELETE_TITLE from '@salesforce/label/c.Target_Editor_Split_Delete_Title';
import SPLIT_NOT_SAVED from '@salesforce/label/c.Target_Editor_Split_Not_Saved';
import SPLIT_SAVED from '@salesforce/label/c.Target_Editor_Split_Saved';
import SPLIT_TITLE from '@salesforce/label/c.Target_Editor_Split_Title';
import TARGET_DELETED from '@salesforce/label/c.Target_Editor_Target_Deleted';
import TARGET_FIELDS_LOCKED from '@salesforce/label/c.Target_Editor_Fields_Locked';
import WEIGHT_POSITIVE from '@salesforce/label/c.Target_Editor_Weight_Positive';
import TEMPLATE_APPLIED from '@salesforce/label/c.Target_Editor_Template_Applied';

export const LABELS = {
  acceptConfirm: ACCEPT_CONFIRM,
  acceptFailedTitle: ACCEPT_FAILED_TITLE,
  acceptTitle: ACCEPT_TITLE,
  accepted: ACCEPTED,
  acceptedTitle: ACCEPTED_TITLE,
  actionFailedTitle: ACTION_FAILED_TITLE,
  addSection: ADD_SECTION,
  addTarget: ADD_TARGET,
  addTargetTo: ADD_TARGET_TO,
  allComments: ALL_COMMENTS,
  baselinesFailed: BASELINES_FAILED,
  discard: DISCARD,
  discardConfirm: DISCARD_CONFIRM,
  discardTitle: DISCARD_TITLE,
  editSectionNamed: EDIT_SECTION_NAMED,
  fixErrorsBeforeSave: FIX_ERRORS_BEFORE_SAVE,
  fixErrorsTitle: FIX_ERRORS_TITLE,
  lockedHint: LOCKED_HINT,
  readOnlyAccess: READ_ONLY_ACCESS,
  metricRequired: METRIC_REQUIRED,
  moveSectionDown: MOVE_SECTION_DOWN,
  moveSectionUp: MOVE_SECTION_UP,
  newSection: NEW_SECTION,
  noSectionsBody: NO_SECTIONS_BODY,
  noSectionsTitle: NO_SECTIONS_TITLE,
  noTargets: NO_TARGETS,
  oneUnsavedChange: ONE_UNSAVED_CHANGE,
  periodRequired: PERIOD_REQUIRED,
  reasonForSaveTitle: REASON_FOR_SAVE_TITLE,
  reasonNotNew: REASON_NOT_NEW,
  reorderFailed: REORDER_FAILED,
  retry: RETRY,
  reviseTitle: REVISE_TITLE,
  revisingNoReason: REVISING_NO_REASON,
  revisingUnbaselined: REVISING_UNBASELINED,
  revisingWithReason: REVISING_WITH_REASON,
  revisionStarted: REVISION_STARTED,
  save: SAVE,
  saveBeforeLifecycle: SAVE_BEFORE_LIFECYCLE,
  saveFailedTitle: SAVE_FAILED_TITLE,
  savedTitle: SAVED_TITLE,
  sectionAdded: SECTION_ADDED,
  sectionAttainment: SECTION_ATTAINMENT,
  sectionNameRequired: SECTION_NAME_REQUIRED,
  sectionSaved: SECTION_SAVED,
  sections: SECTIONS,
  startFromTemplate: START_FROM_TEMPLATE,
  submitNeedsTargets: SUBMIT_NEEDS_TARGETS,
  submitted: SUBMITTED,
  targetAdded: TARGET_ADDED,
  targetSaved: TARGET_SAVED,
  targetValueRequired: TARGET_VALUE_REQUIRED,
  targetsNotSaved: TARGETS_NOT_SAVED,
  targetsSaved: TARGETS_SAVED,
  tooManyTargets: TOO_MANY_TARGETS,
  truncated: TRUNCATED,
  unsavedChanges: UNSAVED_CHANGES,
  unsavedRegion: UNSAVED_REGION,
  askOwnerChange: ASK_OWNER_CHANGE,
  askOwnerRevise: ASK_OWNER_REVISE,
  askOwnerActivate: ASK_OWNER_ACTIVATE,
  askOwnerClose: ASK_OWNER_CLOSE,
  confirmAccept: CONFIRM_ACCEPT,
  confirmActivate: CONFIRM_ACTIVATE,
  confirmClose: CONFIRM_CLOSE,
  activateConfirm: ACTIVATE_CONFIRM,
  activateTitle: ACTIVATE_TITLE,
  activated: ACTIVATED,
  activatesOn: ACTIVATES_ON,
  closeConfirm: CLOSE_CONFIRM,
  closeTitle: CLOSE_TITLE,
  closed: CLOSED,
  closedBody: CLOSED_BODY,
  closedTitle: CLOSED_TITLE,
  closesAfter: CLOSES_AFTER,
  ownerActivates: OWNER_ACTIVATES,
  ownerCloses: OWNER_CLOSES,
  deleteConfirm: DELETE_CONFIRM,
  deleteTitle: DELETE_TITLE,
  deleteYearConfirm: DELETE_YEAR_CONFIRM,
  editTargetHeading: EDIT_TARGET_HEADING,
  splitDeleteConfirm: SPLIT_DELETE_CONFIRM,
  splitDeleteTitle: SPLIT_DELETE_TITLE,
  splitNotSaved: SPLIT_NOT_SAVED,
  splitSaved: SPLIT_SAVED,
  splitTitle: SPLIT_TITLE,
  targetDeleted: TARGET_DELETED,
  targetFieldsLocked: TARGET_FIELDS_LOCKED,
  weightPositive: WEIGHT_POSITIVE,
  templateApplied: TEMPLATE_APPLIED,
};
