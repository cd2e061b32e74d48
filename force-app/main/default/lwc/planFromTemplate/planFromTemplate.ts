import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import PARTNER_TYPE from '@salesforce/schema/Account.Partner_Type__c';
import {
  PLAN_OBJECT,
  canCreate,
  type ObjectInfoRepresentation,
  type RecordRepresentation,
  type WireResult,
} from 'c/planData';
import PlanTemplateDialog from 'c/planTemplateDialog';
import { LABELS } from './labels';

/**
 * On a partner account's record page: "New plan from template" opens c-plan-template-dialog for the
 * account and, once the plan is created, opens it. Shown only on partner accounts (Partner_Type__c set)
 * to users who may create plans; elsewhere it renders nothing.
 */
export default class PlanFromTemplate extends NavigationMixin(LightningElement) {
  /** The Account; on a record page, the page's record. */
  @api recordId: string | undefined;

  labels = LABELS;
  isPartner = false;
  mayCreate = false;
  opening = false;

  @wire(getRecord, { recordId: '$recordId', optionalFields: [PARTNER_TYPE] })
  wiredAccount(result: WireResult<RecordRepresentation>): void {
    const type = result.data ? getFieldValue(result.data, PARTNER_TYPE) : null;
    this.isPartner = typeof type === 'string' && type !== '';
  }

  @wire(getObjectInfo, { objectApiName: PLAN_OBJECT })
  wiredPlanInfo(result: WireResult<ObjectInfoRepresentation>): void {
    this.mayCreate = canCreate(result);
  }

  get shown(): boolean {
    return Boolean(this.recordId) && this.isPartner && this.mayCreate;
  }

  async handleNewPlan(): Promise<void> {
    if (!this.recordId || this.opening) return;
    this.opening = true;
    try {
      const result = (await PlanTemplateDialog.open({
        label: LABELS.newPlan,
        size: 'medium',
        accountId: this.recordId,
      })) as { planId?: string } | undefined;
      if (result && result.planId) {
        this[NavigationMixin.Navigate]({
          type: 'standard__recordPage',
          attributes: { recordId: result.planId, objectApiName: PLAN_OBJECT.objectApiName, actionName: 'view' },
        });
      }
    } finally {
      this.opening = false;
    }
  }
}
