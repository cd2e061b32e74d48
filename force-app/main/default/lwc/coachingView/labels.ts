/** The Custom Labels this component shows (category Partner Planning). */
import LOAD_ERROR from '@salesforce/label/c.Coaching_Load_Error';
import MORE_PARTNERS from '@salesforce/label/c.Coaching_More_Partners';
import NO_PAIRS_FOR_USER from '@salesforce/label/c.Coaching_No_Pairs_For_User';
import NO_PAIRS_ON_PLAN from '@salesforce/label/c.Coaching_No_Pairs_On_Plan';
import PAIR from '@salesforce/label/c.Coaching_Pair';
import PAIR_COUNT from '@salesforce/label/c.Coaching_Pair_Count';
import PAIR_COUNT_ONE from '@salesforce/label/c.Coaching_Pair_Count_One';
import PAIR_HELP from '@salesforce/label/c.Coaching_Pair_Help';
import PAIR_NOT_FOUND from '@salesforce/label/c.Coaching_Pair_Not_Found';
import PAIR_OPTION from '@salesforce/label/c.Coaching_Pair_Option';
import TITLE from '@salesforce/label/c.Coaching_Title';
import TRUNCATED from '@salesforce/label/c.Partner_Planning_Truncated';

export const LABELS = {
  loadError: LOAD_ERROR,
  morePartners: MORE_PARTNERS,
  noPairsForUser: NO_PAIRS_FOR_USER,
  noPairsOnPlan: NO_PAIRS_ON_PLAN,
  pair: PAIR,
  pairCount: PAIR_COUNT,
  pairCountOne: PAIR_COUNT_ONE,
  pairHelp: PAIR_HELP,
  pairNotFound: PAIR_NOT_FOUND,
  pairOption: PAIR_OPTION,
  title: TITLE,
  truncated: TRUNCATED,
};
