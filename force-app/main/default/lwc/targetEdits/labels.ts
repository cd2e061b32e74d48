/** The Custom Labels this component shows (category Partner Planning). */
import ENTER_NUMBER from '@salesforce/label/c.Plan_Editor_Enter_Number';
import NOT_NEGATIVE from '@salesforce/label/c.Plan_Editor_Not_Negative';
import TARGET_VALUE_REQUIRED from '@salesforce/label/c.Plan_Editor_Target_Value_Required';

export const LABELS = {
  enterNumber: ENTER_NUMBER,
  notNegative: NOT_NEGATIVE,
  targetValueRequired: TARGET_VALUE_REQUIRED,
};
