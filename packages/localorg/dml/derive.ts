/**
 * Fields the platform computes from others on every save: a person's Name from first and last name, an
 * opportunity's closed, won, forecast category and probability from its stage, and its fiscal year and
 * quarter from its close date.
 */
import { fiscalYearAndQuarter, type FiscalCalendar } from '../fiscal';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { Row } from '../sql';
import { deriveStandardFields, type DeriveEnv } from './derive-standard';

const stageFields = new WeakMap<ObjectSchema, FieldSchema | undefined>();

/** The object's field with sales stages (Opportunity's StageName), looked up once per object. */
function stageFieldOf(obj: ObjectSchema): FieldSchema | undefined {
  if (!stageFields.has(obj)) {
    const stages = [...obj.fields.values()].find((f) => f.model.stages);
    stageFields.set(obj, stages);
  }
  return stageFields.get(obj);
}

/** Fills the derived fields of `row`; `given` names the fields the client set, `previous` is the row before an update. */
export function deriveFields(
  obj: ObjectSchema,
  row: Row,
  given: Set<string>,
  previous: Row | undefined,
  fiscalYearStartMonth: number | undefined,
  fiscal: FiscalCalendar | undefined,
  env: DeriveEnv,
): void {
  const name = obj.fields.get('Name');
  if (name?.model.systemManaged && name.model.type !== 'AutoNumber' && obj.fields.has('LastName')) {
    row.Name = [row.FirstName, row.LastName].filter((p) => typeof p === 'string' && p !== '').join(' ');
  }
  const stageField = stageFieldOf(obj);
  if (stageField?.model.stages) {
    const stageName = row[stageField.column];
    const stage = stageField.model.stages.find((s) => s.value === stageName);
    if (stage) {
      if (obj.fields.has('IsClosed')) row.IsClosed = stage.closed ? 1 : 0;
      if (obj.fields.has('IsWon')) row.IsWon = stage.won ? 1 : 0;
      if (obj.fields.has('ForecastCategoryName')) row.ForecastCategoryName = stage.forecastCategory;
      const stageChanged = previous === undefined || previous[stageField.column] !== stageName;
      if (obj.fields.has('Probability') && !given.has('Probability') && stageChanged)
        row.Probability = stage.probability;
    }
  }
  if (obj.fields.has('FiscalYear') && obj.fields.has('CloseDate')) {
    const close = row.CloseDate;
    if (typeof close === 'string') {
      const startMonth = fiscalYearStartMonth ?? 1;
      // The org's naming and custom years; a standard year named by its end when the caller has no calendar.
      const calendar = fiscal ? { ...fiscal, startMonth } : { startMonth, namedByStart: false, custom: [] };
      const { year, quarter } = fiscalYearAndQuarter(calendar, close);
      row.FiscalYear = year;
      row.FiscalQuarter = quarter;
    } else {
      row.FiscalYear = null;
      row.FiscalQuarter = null;
    }
  }
  deriveStandardFields(obj, row, given, previous, env);
}
