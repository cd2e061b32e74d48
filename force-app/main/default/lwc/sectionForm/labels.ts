/** The Custom Labels this component shows (category Partner Planning). */
import CANCEL from '@salesforce/label/c.Partner_Planning_Cancel';
import SAVE_SECTION from '@salesforce/label/c.Plan_Editor_Save_Section';
import SECTION_NAME from '@salesforce/label/c.Plan_Editor_Section_Name';
import SECTION_SUMMARY from '@salesforce/label/c.Plan_Editor_Section_Summary';
import SECTION_TYPE from '@salesforce/label/c.Plan_Editor_Section_Type';

export const LABELS = {
  cancel: CANCEL,
  saveSection: SAVE_SECTION,
  sectionName: SECTION_NAME,
  sectionSummary: SECTION_SUMMARY,
  sectionType: SECTION_TYPE,
};
