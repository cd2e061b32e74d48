/** The Custom Labels this component shows (category Partner Planning). */
import AS_OF from '@salesforce/label/c.Rollup_Freshness_As_Of';
import FAILED from '@salesforce/label/c.Rollup_Freshness_Failed';
import NEVER from '@salesforce/label/c.Rollup_Freshness_Never';
import PARTIAL from '@salesforce/label/c.Rollup_Freshness_Partial';
import STALE from '@salesforce/label/c.Rollup_Freshness_Stale';
import UNFINISHED from '@salesforce/label/c.Rollup_Freshness_Unfinished';
import WARNING from '@salesforce/label/c.Rollup_Freshness_Warning';

export const LABELS = {
  asOf: AS_OF,
  failed: FAILED,
  never: NEVER,
  partial: PARTIAL,
  stale: STALE,
  unfinished: UNFINISHED,
  warning: WARNING,
};
