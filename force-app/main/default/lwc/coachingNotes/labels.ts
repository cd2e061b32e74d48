/** The Custom Labels this component shows (category Partner Planning). */
import ADD_NOTE from '@salesforce/label/c.Coaching_Add_Note';
import AGREED_NEXT_STEP from '@salesforce/label/c.Coaching_Agreed_Next_Step';
import COACHING_NOTES from '@salesforce/label/c.Coaching_Notes';
import LOADING from '@salesforce/label/c.Partner_Planning_Loading';
import NEW_NOTE from '@salesforce/label/c.Coaching_New_Note';
import NEXT_STEP_VALUE from '@salesforce/label/c.Coaching_Next_Step_Value';
import NO_NOTES from '@salesforce/label/c.Coaching_No_Notes';
import NOTE_ADDED from '@salesforce/label/c.Coaching_Note_Added';
import NOTE_ADDED_TITLE from '@salesforce/label/c.Coaching_Note_Added_Title';
import NOTE_REQUIRED from '@salesforce/label/c.Coaching_Note_Required';
import SECTION_ERROR from '@salesforce/label/c.Coaching_Section_Error';

export const LABELS = {
  addNote: ADD_NOTE,
  agreedNextStep: AGREED_NEXT_STEP,
  coachingNotes: COACHING_NOTES,
  loading: LOADING,
  newNote: NEW_NOTE,
  nextStepValue: NEXT_STEP_VALUE,
  noNotes: NO_NOTES,
  noteAdded: NOTE_ADDED,
  noteAddedTitle: NOTE_ADDED_TITLE,
  noteRequired: NOTE_REQUIRED,
  sectionError: SECTION_ERROR,
};
