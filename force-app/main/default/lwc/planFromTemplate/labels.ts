/** The Custom Labels this component shows (category Partner Planning). */
import HELP from '@salesforce/label/c.Plan_From_Template_Help';
import NEW_PLAN from '@salesforce/label/c.Plan_From_Template_New';
import TITLE from '@salesforce/label/c.Plan_From_Template_Title';

export const LABELS = {
  help: HELP,
  newPlan: NEW_PLAN,
  title: TITLE,
};
