/**
 * `lightning/uiObjectInfoApi` over the org's User Interface API (through the app server's proxy as the
 * signed-in user): getObjectInfo reads `/ui-api/object-info/{object}` and getPicklistValues
 * `/ui-api/object-info/{object}/picklist-values/{recordTypeId}/{field}`, as the user sees them (fields hidden
 * by field-level security are absent). Each object's info is read once per page, as LDS caches it.
 */
import { request } from './api';

interface ObjectId {
  objectApiName: string;
}

interface FieldId {
  objectApiName: string;
  fieldApiName: string;
}

type DataCallback<T> = (value: { data?: T; error?: unknown }) => void;

type Representation = Record<string, unknown>;

const objectName = (value: ObjectId | string): string => (typeof value === 'string' ? value : value.objectApiName);

const infos = new Map<string, Promise<Representation>>();

function objectInfo(name: string): Promise<Representation> {
  let found = infos.get(name);
  if (!found) {
    found = request<Representation>('GET', `/ui-api/object-info/${encodeURIComponent(name)}`);
    found.catch(() => infos.delete(name));
    infos.set(name, found);
  }
  return found;
}

/** Base of both adapters: runs `load` on each complete config and hands over data or error. */
abstract class UiApiAdapter<Config, T> {
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

export class getObjectInfo extends UiApiAdapter<{ objectApiName?: ObjectId | string }, Representation> {
  protected load(config: { objectApiName?: ObjectId | string }): Promise<Representation> | undefined {
    if (!config.objectApiName) return undefined;
    return objectInfo(objectName(config.objectApiName));
  }
}

interface PicklistConfig {
  recordTypeId?: string;
  fieldApiName?: FieldId | string;
}

export class getPicklistValues extends UiApiAdapter<PicklistConfig, Representation> {
  protected load(config: PicklistConfig): Promise<Representation> | undefined {
    // Like LDS, wait until the record type is known.
    if (!config.recordTypeId || !config.fieldApiName) return undefined;
    const field = config.fieldApiName;
    const [object, name] =
      typeof field === 'string' ? field.split('.') : [field.objectApiName, field.fieldApiName.split('.')[0]];
    const path = [object, 'picklist-values', config.recordTypeId, name].map(encodeURIComponent).join('/');
    return request<Representation>('GET', `/ui-api/object-info/${path}`);
  }
}
