import { api, wire } from 'lwc';
import LightningModal from 'lightning/modal';
import { graphql } from 'lightning/graphql';
import LOCALE from '@salesforce/i18n/locale';
import {
  SEASONAL_PROFILES_QUERY,
  readSeasonalProfiles,
  type GraphQLResult,
  type PicklistOption,
  type SeasonalProfileRecord,
} from 'c/planData';
import { formatDateRange, formatLabel, formatPercent, formatValue, type FiscalPeriod } from 'c/planInsights';
import {
  EVEN_PROFILE,
  partShares,
  splitYearTarget,
  unitScale,
  type PartSpec,
  type PlanPeriods,
  type SeasonalProfile,
} from 'c/planYear';
import { LABELS } from './labels';

/** Into what a year target splits. */
export type SplitInto = 'Quarter' | 'Month';

/** What the user chose: the year's value, the granularity, the profile and the parts it makes. */
export interface SplitChoice {
  yearValue: number;
  into: SplitInto;
  profile: string;
  parts: PartSpec[];
}

/** Saves the split; resolves with the message to show when it could not be saved, or null. */
export type SplitSubmit = (choice: SplitChoice) => Promise<string | null>;

/** A row of the preview. */
interface PreviewRow {
  key: string;
  label: string;
  value: string;
  share: string;
}

/**
 * The dialog that splits a year target into its quarters or months: the year's value (editable), Quarters or
 * Months, a seasonal profile (custom metadata Seasonal_Profile__mdt, read here through GraphQL; Even when none
 * loads) and a preview of the parts, whose values always add up to the year's (c/planYear splitYearTarget).
 * A LightningModal like c-reason-dialog: `open()` resolves with the choice once `submitSplit` saved it, or
 * undefined when cancelled; a failed save keeps the dialog open with the message.
 */
export default class TargetSplitDialog extends LightningModal {
  /** The year target as the editor names it ("Closed Won Revenue, FY2026"). */
  @api targetLabel = '';
  /** The year target's value when the dialog opens. */
  @api value = 0;
  /** The metric's unit and the target's currency, for the preview's values. */
  @api unit: string | null = null;
  @api currency = 'USD';
  /** The plan's fiscal periods (c/planYear standardPlanPeriods of the plan's span). */
  @api planPeriods: PlanPeriods | null = null;
  /** The plan's fiscal period labels (c/planInsights fiscalPeriods), for the preview. */
  @api periodLabels: FiscalPeriod[] = [];
  /** The granularity and profile to start from (the year's current parts and Split_Profile__c). */
  @api into: SplitInto = 'Quarter';
  @api profile: string | null = null;
  @api submitSplit: SplitSubmit | undefined;

  labels = LABELS;
  profiles: SeasonalProfileRecord[] = [];
  profilesError: string | null = null;
  typedValue: string | null = null;
  chosenInto: SplitInto | null = null;
  chosenProfile: string | null = null;
  error: string | null = null;
  busy = false;

  @wire(graphql, { query: SEASONAL_PROFILES_QUERY })
  wiredProfiles(result: GraphQLResult): void {
    const profiles = readSeasonalProfiles(result);
    this.profiles = profiles.kind === 'ready' ? profiles.value : [];
    this.profilesError = profiles.kind === 'error' ? profiles.message : null;
  }

  get profilesMessage(): string | null {
    return this.profilesError ? formatLabel(LABELS.profilesFailed, this.profilesError) : null;
  }

  get valueText(): string {
    return this.typedValue ?? String(this.value);
  }

  /** The year's value as typed; null when it is not a number of at least zero. */
  get yearValue(): number | null {
    const text = this.valueText.trim();
    const n = Number(text);
    return text !== '' && Number.isFinite(n) && n >= 0 ? n : null;
  }

  get intoValue(): SplitInto {
    return this.chosenInto ?? this.into;
  }

  get intoOptions(): PicklistOption[] {
    return [
      { value: 'Quarter', label: LABELS.quarters },
      { value: 'Month', label: LABELS.months },
    ];
  }

  /** The profiles offered: the loaded ones, or Even alone while none is loaded. */
  private get profileChoices(): SeasonalProfile[] {
    return this.profiles.length > 0 ? this.profiles : [EVEN_PROFILE];
  }

  get profileOptions(): PicklistOption[] {
    return this.profileChoices.map((p) => ({ value: p.name, label: p.label }));
  }

  get profileValue(): string {
    const wanted = this.chosenProfile ?? this.profile ?? EVEN_PROFILE.name;
    return this.profileChoices.some((p) => p.name === wanted) ? wanted : this.profileChoices[0].name;
  }

  get profileHelp(): string | null {
    return this.profiles.find((p) => p.name === this.profileValue)?.description ?? null;
  }

  private get chosenProfileRecord(): SeasonalProfile {
    return this.profileChoices.find((p) => p.name === this.profileValue) ?? EVEN_PROFILE;
  }

  /** The parts of the split as chosen; none without a valid value or the plan's periods. */
  get parts(): PartSpec[] {
    const value = this.yearValue;
    if (value === null || !this.planPeriods) return [];
    // A count splits into whole numbers (38, 38, 37, 37 leads), money and rates to the cent.
    return splitYearTarget(value, this.intoValue, this.chosenProfileRecord, this.planPeriods, unitScale(this.unit));
  }

  get previewRows(): PreviewRow[] {
    const shares = partShares(this.chosenProfileRecord, this.intoValue);
    const total = shares.reduce((a, b) => a + b, 0);
    return this.parts.map((part, i) => {
      const fiscal = this.periodLabels.find((p) => p.start === part.start && p.end === part.end);
      return {
        key: part.start,
        label: fiscal ? fiscal.label : formatDateRange(part.start, part.end, LOCALE),
        value: formatValue(part.targetValue, this.unit, LOCALE, this.currency),
        share: formatPercent(total > 0 ? (shares[i] / total) * 100 : 0, LOCALE),
      };
    });
  }

  get hasPreview(): boolean {
    return this.parts.length > 0;
  }

  get totalText(): string {
    const total = this.parts.reduce((sum, p) => sum + p.targetValue, 0);
    return formatValue(Math.round(total * 100) / 100, this.unit, LOCALE, this.currency);
  }

  get previewCaption(): string {
    return formatLabel(LABELS.previewCaption, this.targetLabel);
  }

  get saveDisabled(): boolean {
    return this.busy || !this.hasPreview;
  }

  handleValueChange(event: CustomEvent<{ value: string }>): void {
    this.typedValue = event.detail.value;
    this.error = null;
  }

  handleIntoChange(event: CustomEvent<{ value: string }>): void {
    this.chosenInto = event.detail.value === 'Month' ? 'Month' : 'Quarter';
    this.error = null;
  }

  handleProfileChange(event: CustomEvent<{ value: string }>): void {
    this.chosenProfile = event.detail.value;
    this.error = null;
  }

  handleCancel(): void {
    this.close(undefined);
  }

  async handleSave(): Promise<void> {
    const yearValue = this.yearValue;
    if (yearValue === null) {
      this.error = LABELS.valueInvalid;
      return;
    }
    const choice: SplitChoice = { yearValue, into: this.intoValue, profile: this.profileValue, parts: this.parts };
    if (this.submitSplit) {
      this.busy = true;
      this.disableClose = true;
      try {
        this.error = await this.submitSplit(choice);
      } finally {
        this.busy = false;
        this.disableClose = false;
      }
      if (this.error) return;
    }
    this.close(choice);
  }
}
