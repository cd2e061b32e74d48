/**
 * The org's fiscal calendar as Salesforce exposes it: FiscalYearSettings (one row per custom fiscal year)
 * and Period (the years, quarters and months of the calendar; for standard fiscal years Salesforce keeps
 * Period rows with no FiscalYearSettingsId). Setup data the platform writes: read-only through the API.
 */
import type { ObjectModel } from '../types';
import { checkbox, lookup, picklistField, standardObject, text } from './common';

/** Period.Type values. */
export const PERIOD_TYPES = ['Year', 'Quarter', 'Month', 'Week'];

const integer = (label: string, precision = 9): { type: 'Number'; label: string; precision: number; scale: 0 } => ({
  type: 'Number',
  label,
  precision,
  scale: 0,
});

export function fiscalObjects(): ObjectModel[] {
  return [
    standardObject(
      'FiscalYearSettings',
      'Fiscal Year Settings',
      'Fiscal Year Settings',
      '022',
      'Read',
      false,
      {
        // The year's name, a year number such as "2027" (FISCAL_YEAR() of its dates).
        Name: text('Name', 80, { required: true }),
        Description: text('Description', 255),
        StartDate: { type: 'Date', label: 'Start Date' },
        EndDate: { type: 'Date', label: 'End Date' },
        // The Period row of Type Year that spans this fiscal year.
        PeriodId: lookup('Period ID', 'Period', 'Period'),
        IsStandardYear: checkbox('Is Standard Year'),
        YearType: picklistField('Year Type', ['Standard', 'Custom', 'Placeholder'], { restricted: true }),
        QuarterLabelScheme: picklistField('Quarter Name Scheme', ['NumberByYear', 'Custom'], { restricted: true }),
        QuarterPrefix: picklistField('Quarter Prefix', ['Quarter', 'FQ', 'Q', 'Trimester'], { length: 255 }),
        PeriodLabelScheme: picklistField(
          'Period Name Scheme',
          ['NumberByYear', 'NumberByQuarter', 'StandardMonths', 'Custom'],
          { restricted: true },
        ),
        PeriodPrefix: picklistField('Period Prefix', ['Period', 'FP', 'P'], { length: 255 }),
        WeekLabelScheme: picklistField('Week Name Scheme', ['NumberByYear', 'NumberByQuarter', 'NumberByPeriod'], {
          restricted: true,
        }),
        WeekStartDay: integer('Week Start Day'),
      },
      true,
    ),
    standardObject(
      'Period',
      'Period',
      'Periods',
      '026',
      'Read',
      false,
      {
        // Blank for the periods of standard fiscal years.
        FiscalYearSettingsId: lookup('Fiscal Year Settings ID', 'FiscalYearSettings', 'FiscalYearSettings'),
        Type: picklistField('Type', PERIOD_TYPES, { restricted: true }),
        StartDate: { type: 'Date', label: 'Start Date', required: true },
        EndDate: { type: 'Date', label: 'End Date', required: true },
        // The quarter's or month's position in its fiscal year (1-4, 1-12); blank for a Year.
        Number: integer('Number'),
        FullyQualifiedLabel: text('Fully Qualified Label', 80),
        PeriodLabel: picklistField('Period Name', [], { length: 255 }),
        QuarterLabel: picklistField('Quarter Name', [], { length: 255 }),
        IsForecastPeriod: checkbox('Is Forecast Period'),
      },
      true,
    ),
  ];
}
