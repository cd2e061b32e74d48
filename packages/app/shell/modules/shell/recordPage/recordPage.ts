/**
 * A record page: a header with the record's key fields (one SOQL query) and the project's components, as
 * the Lightning record pages in force-app place them. The opportunity page opens the APR action logger in
 * a panel, like its quick action, and closes it on `lightning__closeactionscreen`.
 */
import { LightningElement, api } from 'lwc';
import { query, soqlString, type SoqlRecord } from '../../../../platform/api';

interface HeaderConfig {
  objectName: string;
  label: string;
  icon: string;
  fields: { label: string; path: string; format?: 'date' | 'currency' | 'percent' }[];
}

const HEADERS: Record<string, HeaderConfig> = {
  plan: {
    objectName: 'Partner_Account_Plan__c',
    label: 'Partner Account Plan',
    icon: 'standard:account_info',
    fields: [
      { label: 'Partner', path: 'Partner_Account__r.Name' },
      { label: 'Status', path: 'Status__c' },
      { label: 'Period start', path: 'Period_Start__c', format: 'date' },
      { label: 'Period end', path: 'Period_End__c', format: 'date' },
    ],
  },
  opportunity: {
    objectName: 'Opportunity',
    label: 'Opportunity',
    icon: 'standard:opportunity',
    fields: [
      { label: 'Account', path: 'Account.Name' },
      { label: 'Partner', path: 'Partner_Account__r.Name' },
      { label: 'Stage', path: 'StageName' },
      { label: 'Close date', path: 'CloseDate', format: 'date' },
      { label: 'Amount', path: 'Amount', format: 'currency' },
      { label: 'Owner', path: 'Owner.Name' },
      { label: 'Last APR action', path: 'Last_APR_Action_Date__c', format: 'date' },
    ],
  },
  account: {
    objectName: 'Account',
    label: 'Partner Account',
    icon: 'standard:partners',
    fields: [
      { label: 'Partner type', path: 'Partner_Type__c' },
      { label: 'Tier', path: 'Partner_Tier__c' },
      { label: 'Owner', path: 'Owner.Name' },
    ],
  },
};

function pathValue(record: SoqlRecord, path: string): unknown {
  let current: unknown = record;
  for (const name of path.split('.')) {
    if (!current || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[name];
  }
  return current ?? null;
}

function format(value: unknown, kind: HeaderConfig['fields'][number]['format']): string {
  if (value === null || value === undefined || value === '') return '—';
  if (kind === 'date')
    return new Date(`${String(value).slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC' });
  if (kind === 'currency')
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(
      Number(value),
    );
  return String(value);
}

export default class RecordPage extends LightningElement {
  @api kind = 'plan';
  private currentId = '';
  title = '';
  details: { label: string; text: string }[] = [];
  error = '';
  loggerOpen = false;

  @api
  get recordId(): string {
    return this.currentId;
  }

  set recordId(value: string) {
    this.currentId = value;
    this.loggerOpen = false;
    void this.loadHeader();
  }

  get config(): HeaderConfig {
    return HEADERS[this.kind] ?? HEADERS.plan;
  }

  get isPlan(): boolean {
    return this.kind === 'plan';
  }

  get isOpportunity(): boolean {
    return this.kind === 'opportunity';
  }

  get isAccount(): boolean {
    return this.kind === 'account';
  }

  private async loadHeader(): Promise<void> {
    const config = this.config;
    const id = this.currentId;
    if (!id) return;
    const fields = ['Name', ...config.fields.map((f) => f.path)];
    try {
      const records = await query(`SELECT ${fields.join(', ')} FROM ${config.objectName} WHERE Id = ${soqlString(id)}`);
      if (id !== this.currentId) return;
      const record = records[0];
      if (!record) {
        this.error = 'This record does not exist or you cannot see it.';
        return;
      }
      this.error = '';
      this.title = String(record.Name ?? '');
      this.details = config.fields.map((f) => ({ label: f.label, text: format(pathValue(record, f.path), f.format) }));
    } catch (error) {
      const body = (error as { body?: { message?: string }[] }).body;
      this.error = Array.isArray(body) && body[0]?.message ? body[0].message : 'This record could not be loaded.';
    }
  }

  private readonly onCloseAction = (): void => this.handleCloseLogger();

  connectedCallback(): void {
    this.template?.addEventListener('lightning__closeactionscreen', this.onCloseAction);
  }

  disconnectedCallback(): void {
    this.template?.removeEventListener('lightning__closeactionscreen', this.onCloseAction);
  }

  handleOpenLogger(): void {
    this.loggerOpen = true;
  }

  handleCloseLogger(): void {
    this.loggerOpen = false;
    // The action changed the opportunity's last APR action date.
    void this.loadHeader();
  }
}
