/**
 * Share objects: the `Foo__Share` object the platform gives a custom object whose organization-wide
 * default is Private or Read, holding its manual shares and those of its Apex sharing reasons.
 */
import { readSharingReasons, type SharingReason } from '../sharing-reasons';
import type { FieldModel, ObjectModel } from '../types';
import { field, type FieldSpec, picklist, polymorphicLookup } from './common';

/**
 * The platform's row causes: Manual is what a share made through the API is by default (Owner access is
 * implicit and not stored). The object's Apex sharing reasons follow them in the RowCause picklist.
 */
export const SHARE_ROW_CAUSES = ['Owner', 'Manual'];
/** Share access levels; All is the owner's and is never granted through the API. */
export const SHARE_ACCESS_LEVELS = ['Read', 'Edit', 'All'];

/** The platform's share object name for a custom object: `Foo__c` is shared through `Foo__Share`. */
export const shareObjectName = (apiName: string): string => apiName.replace(/__c$/, '__Share');

/**
 * The share object the platform gives a custom object whose organization-wide default is Private or Read
 * (other defaults, and master-detail children, have none). It stores Manual shares and those of the object's
 * sharing reasons (read from its metadata unless given), to a user or to a group (a role's groups).
 */
export function shareObject(
  parent: ObjectModel,
  keyPrefix: string,
  reasons: SharingReason[] = readSharingReasons(parent),
): ObjectModel {
  const apiName = shareObjectName(parent.apiName);
  const fields = new Map<string, FieldModel>();
  const specs: Record<string, FieldSpec> = {
    Id: { type: 'Id', label: `${parent.label} Share ID`, systemManaged: true, required: true, length: 18 },
    // MasterDetail: the share goes with its record, cannot move to another, and is seen with it.
    ParentId: {
      type: 'MasterDetail',
      label: 'Parent ID',
      referenceTo: [parent.apiName],
      relationshipName: 'Parent',
      required: true,
    },
    UserOrGroupId: polymorphicLookup('User or Group ID', ['User', 'Group'], 'UserOrGroup', {
      required: true,
      createOnly: true,
      deleteConstraint: 'Restrict',
    }),
    AccessLevel: {
      type: 'Picklist',
      label: 'Access Level',
      length: 40,
      required: true,
      picklist: picklist(SHARE_ACCESS_LEVELS, true),
    },
    RowCause: {
      type: 'Picklist',
      label: 'Sharing Reason',
      length: 40,
      createOnly: true,
      picklist: {
        restricted: true,
        values: [
          ...SHARE_ROW_CAUSES.map((value) => ({ value, label: value, isDefault: value === 'Manual' })),
          ...reasons.map((reason) => ({ value: reason.name, label: reason.label, isDefault: false })),
        ],
      },
    },
    LastModifiedDate: { type: 'DateTime', label: 'Last Modified Date', systemManaged: true, required: true },
    LastModifiedById: {
      type: 'Lookup',
      label: 'Last Modified By ID',
      referenceTo: ['User'],
      relationshipName: 'LastModifiedBy',
      systemManaged: true,
      required: true,
    },
    IsDeleted: { type: 'Checkbox', label: 'Deleted', systemManaged: true, required: true },
  };
  for (const [name, spec] of Object.entries(specs)) fields.set(name, field(apiName, name, spec));
  return {
    apiName,
    label: `${parent.label} Share`,
    pluralLabel: `${parent.label} Share`,
    kind: 'standard',
    sharingModel: 'ControlledByParent',
    keyPrefix,
    nameIsAutoNumber: false,
    readOnly: false,
    fields,
    validationRules: [],
    listViews: [],
    compactLayouts: [],
    shareOf: parent.apiName,
  };
}
