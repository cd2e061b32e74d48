/** A list of records (plans, opportunities or partner accounts) read with one SOQL query. */
import { LightningElement, api } from 'lwc';
import { query, type SoqlRecord } from '../../../../platform/api';

interface Column {
  label: string;
  value: (r: SoqlRecord) => unknown;
  format?: 'date' | 'currency' | 'percent';
}

interface ListConfig {
  title: string;
  icon: string;
  soql: string;
  route: string;
  columns: Column[];
}

const parent = (r: SoqlRecord, relationship: string, field = 'Name'): unknown =>
  (r[relationship] as Record<string, unknown> | null)?.[field] ?? null;

const LISTS: Record<string, ListConfig> = {
  plans: {
    title: 'Partner Account Plans',
    icon: 'standard:account_info',
    route: '/plans',
    soql:
      'SELECT Id, Name, Partner_Account__r.Name, Status__c, Period_Start__c, Period_End__c, Overall_Attainment__c ' +
      'FROM Partner_Account_Plan__c ORDER BY Partner_Account__r.Name, Period_Start__c DESC LIMIT 500',
    columns: [
      { label: 'Plan', value: (r) => r.Name },
      { label: 'Partner', value: (r) => parent(r, 'Partner_Account__r') },
      { label: 'Status', value: (r) => r.Status__c },
      { label: 'Period start', value: (r) => r.Period_Start__c, format: 'date' },
      { label: 'Period end', value: (r) => r.Period_End__c, format: 'date' },
      { label: 'Attainment', value: (r) => r.Overall_Attainment__c, format: 'percent' },
    ],
  },
  opportunities: {
    title: 'Opportunities',
    icon: 'standard:opportunity',
    route: '/opportunities',
    soql:
      'SELECT Id, Name, Account.Name, Partner_Account__r.Name, StageName, CloseDate, Amount, Owner.Name, ' +
      'Last_APR_Action_Date__c FROM Opportunity ORDER BY CloseDate DESC, Name LIMIT 500',
    columns: [
      { label: 'Opportunity', value: (r) => r.Name },
      { label: 'Account', value: (r) => parent(r, 'Account') },
      { label: 'Partner', value: (r) => parent(r, 'Partner_Account__r') },
      { label: 'Stage', value: (r) => r.StageName },
      { label: 'Close date', value: (r) => r.CloseDate, format: 'date' },
      { label: 'Amount', value: (r) => r.Amount, format: 'currency' },
      { label: 'Owner', value: (r) => parent(r, 'Owner') },
      { label: 'Last APR action', value: (r) => r.Last_APR_Action_Date__c, format: 'date' },
    ],
  },
  accounts: {
    title: 'Partner Accounts',
    icon: 'standard:partners',
    route: '/accounts',
    soql:
      'SELECT Id, Name, Partner_Type__c, Partner_Tier__c, Owner.Name FROM Account ' +
      'WHERE Partner_Type__c != null ORDER BY Name LIMIT 500',
    columns: [
      { label: 'Account', value: (r) => r.Name },
      { label: 'Partner type', value: (r) => r.Partner_Type__c },
      { label: 'Tier', value: (r) => r.Partner_Tier__c },
      { label: 'Owner', value: (r) => parent(r, 'Owner') },
    ],
  },
};

function formatCell(value: unknown, format: Column['format']): string {
  if (value === null || value === undefined || value === '') return '';
  if (format === 'date')
    return new Date(`${String(value).slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC' });
  if (format === 'currency')
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(
      Number(value),
    );
  if (format === 'percent') return `${Math.round(Number(value))} %`;
  return String(value);
}

export default class ListPage extends LightningElement {
  @api kind = 'plans';
  rows: { id: string; cells: { key: string; text: string; href: string | null }[] }[] = [];
  loading = true;
  error = '';

  get config(): ListConfig {
    return LISTS[this.kind] ?? LISTS.plans;
  }

  get columns(): { key: string; label: string }[] {
    return this.config.columns.map((c) => ({ key: c.label, label: c.label }));
  }

  get countText(): string {
    return `${this.rows.length} item${this.rows.length === 1 ? '' : 's'}${this.rows.length === 500 ? ' (first 500)' : ''}`;
  }

  get isEmpty(): boolean {
    return !this.loading && !this.error && this.rows.length === 0;
  }

  connectedCallback(): void {
    const config = this.config;
    query(config.soql).then(
      (records) => {
        this.rows = records.map((r) => ({
          id: String(r.Id),
          cells: config.columns.map((c, i) => ({
            key: c.label,
            text: formatCell(c.value(r), c.format),
            href: i === 0 ? `${config.route}/${String(r.Id)}` : null,
          })),
        }));
        this.loading = false;
      },
      (error: unknown) => {
        const body = (error as { body?: { message?: string }[] }).body;
        this.error = Array.isArray(body) && body[0]?.message ? body[0].message : 'The list could not be loaded.';
        this.loading = false;
      },
    );
  }

  handleOpen(event: Event): void {
    event.preventDefault();
    const url = (event.currentTarget as HTMLElement).dataset.href;
    if (url) this.dispatchEvent(new CustomEvent('locallink', { detail: { url } }));
  }
}
