/** `lightning/uiObjectInfoApi` from the REST describe: object info and picklist values. */
import { describe, type ObjectDescribe } from './api';

interface ObjectId {
  objectApiName: string;
}

interface FieldId {
  objectApiName: string;
  fieldApiName: string;
}

type DataCallback<T> = (value: { data?: T; error?: unknown }) => void;

const MASTER_RECORD_TYPE = '012000000000000AAA';

const DATA_TYPES: Record<string, string> = {
  string: 'String',
  textarea: 'TextArea',
  picklist: 'Picklist',
  multipicklist: 'MultiselectPicklist',
  reference: 'Reference',
  boolean: 'Boolean',
  double: 'Double',
  int: 'Int',
  currency: 'Currency',
  percent: 'Percent',
  date: 'Date',
  datetime: 'DateTime',
  id: 'Id',
  email: 'Email',
  phone: 'Phone',
  url: 'Url',
};

function objectInfo(d: ObjectDescribe): Record<string, unknown> {
  const defaultType = d.recordTypeInfos.find((r) => r.defaultRecordTypeMapping) ?? d.recordTypeInfos[0];
  return {
    apiName: d.name,
    label: d.label,
    labelPlural: d.labelPlural,
    keyPrefix: d.keyPrefix,
    defaultRecordTypeId: defaultType ? defaultType.recordTypeId : MASTER_RECORD_TYPE,
    createable: d.createable,
    updateable: d.updateable,
    fields: Object.fromEntries(
      d.fields.map((f) => [
        f.name,
        {
          apiName: f.name,
          label: f.label,
          dataType: DATA_TYPES[f.type] ?? f.type,
          required: !f.nillable && f.createable && !f.defaultedOnCreate && f.type !== 'boolean',
          createable: f.createable,
          updateable: f.updateable,
          inlineHelpText: f.inlineHelpText ?? null,
          length: f.length,
          precision: f.precision,
          scale: f.scale,
        },
      ]),
    ),
  };
}

const objectName = (value: ObjectId | string): string => (typeof value === 'string' ? value : value.objectApiName);

/** Base of both adapters: runs `load` on each complete config and hands over data or error. */
abstract class DescribeAdapter<Config, T> {
  private latest = 0;

  constructor(private readonly callback: DataCallback<T>) {}

  protected abstract load(config: Config): Promise<T> | undefined;

  update(config: Config): void {
    const run = this.load(config);
    if (!run) return;
    const ticket = ++this.latest;
    run.then(
      (data) => {
        if (ticket === this.latest) this.callback({ data, error: undefined });
      },
      (error: unknown) => {
        if (ticket === this.latest) this.callback({ data: undefined, error });
      },
    );
  }

  connect(): void {}

  disconnect(): void {}
}

export class getObjectInfo extends DescribeAdapter<{ objectApiName?: ObjectId | string }, Record<string, unknown>> {
  protected load(config: { objectApiName?: ObjectId | string }): Promise<Record<string, unknown>> | undefined {
    if (!config.objectApiName) return undefined;
    return describe(objectName(config.objectApiName)).then(objectInfo);
  }
}

interface PicklistConfig {
  recordTypeId?: string;
  fieldApiName?: FieldId | string;
}

export class getPicklistValues extends DescribeAdapter<PicklistConfig, Record<string, unknown>> {
  protected load(config: PicklistConfig): Promise<Record<string, unknown>> | undefined {
    // Like LDS, wait until the record type is known.
    if (!config.recordTypeId || !config.fieldApiName) return undefined;
    const field = config.fieldApiName;
    const [object, name] =
      typeof field === 'string' ? field.split('.') : [field.objectApiName, field.fieldApiName.split('.')[0]];
    return describe(object).then((d) => {
      const found = d.fields.find((f) => f.name === name);
      if (!found) throw new Error(`no field ${object}.${name}`);
      const values = found.picklistValues
        .filter((p) => p.active)
        .map((p) => ({ label: p.label, value: p.value, validFor: [], attributes: null }));
      const defaultValue = found.picklistValues.find((p) => p.active && p.defaultValue);
      return {
        defaultValue: defaultValue
          ? { label: defaultValue.label, value: defaultValue.value, validFor: [], attributes: null }
          : null,
        values,
        controllerValues: {},
      };
    });
  }
}
