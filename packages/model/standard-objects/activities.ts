/**
 * Activities: tasks (calls, emails, to-dos) and events (meetings), each about a person (WhoId: a lead or a
 * contact) and a thing (WhatId: an account, opportunity, campaign, product...). Both lookups are polymorphic.
 */
import type { ObjectModel } from '../types';
import { checkbox, longText, lookup, picklistField, polymorphicLookup, standardObject, text } from './common';

/** What an activity's WhoId may name. */
export const WHO_OBJECTS = ['Contact', 'Lead'];
/** What an activity's WhatId may name among the standard objects; linkActivities adds custom objects with activities. */
export const WHAT_OBJECTS = ['Account', 'Campaign', 'Opportunity', 'Product2'];

/** The default task statuses; `closed` marks the ones that close a task (TaskStatus.IsClosed). */
export const TASK_STATUSES: { value: string; closed: boolean; isDefault: boolean }[] = [
  { value: 'Not Started', closed: false, isDefault: true },
  { value: 'In Progress', closed: false, isDefault: false },
  { value: 'Completed', closed: true, isDefault: false },
  { value: 'Waiting on someone else', closed: false, isDefault: false },
  { value: 'Deferred', closed: false, isDefault: false },
];
/** The default task priorities; `High` is the high priority (TaskPriority.IsHighPriority). */
export const TASK_PRIORITIES = ['High', 'Normal', 'Low'];
export const ACTIVITY_TYPES = ['Call', 'Email', 'Meeting', 'Other'];

const who = () => polymorphicLookup('Name ID', WHO_OBJECTS, 'Who');
const what = () => polymorphicLookup('Related To ID', WHAT_OBJECTS, 'What');
/**
 * The account an activity is about, derived by the platform on every save (read-only): the WhatId's account
 * (the account itself, or an opportunity's or contact's account), else the WhoId contact's account.
 */
const account = () => lookup('Account ID', 'Account', 'Account', { systemManaged: true });

export function activityObjects(): ObjectModel[] {
  return [
    // Salesforce's activity default, "Controlled by Parent": access follows the WhoId and WhatId records,
    // plus the owner and the roles above (the local org's rule: packages/localorg/activity-access.ts).
    standardObject('Task', 'Task', 'Tasks', '00T', 'ControlledByParent', true, {
      Subject: picklistField('Subject', ['Call', 'Send Letter', 'Send Quote', 'Other'], { length: 255 }),
      WhoId: who(),
      WhatId: what(),
      AccountId: account(),
      ActivityDate: { type: 'Date', label: 'Due Date Only' },
      Status: picklistField(
        'Status',
        TASK_STATUSES.map((s) => s.value),
        { required: true, defaultValue: 'Not Started' },
      ),
      Priority: picklistField('Priority', TASK_PRIORITIES, { required: true, defaultValue: 'Normal' }),
      Type: picklistField('Type', ACTIVITY_TYPES),
      Description: longText('Description'),
      // Derived from Status and Priority on every save.
      IsClosed: checkbox('Closed', { systemManaged: true }),
      IsHighPriority: checkbox('High Priority', { systemManaged: true }),
      CallDurationInSeconds: { type: 'Number', label: 'Call Duration', precision: 8, scale: 0 },
      CallType: picklistField('Call Type', ['Internal', 'Inbound', 'Outbound'], { restricted: true }),
      CallDisposition: text('Call Result', 255),
      CallObject: text('Call Object Identifier', 255),
      IsReminderSet: checkbox('Reminder Set'),
      ReminderDateTime: { type: 'DateTime', label: 'Reminder Date/Time' },
      // What kind of task it is; set when the task is created, never changed afterwards.
      TaskSubtype: picklistField('Task Subtype', ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'], {
        restricted: true,
        defaultValue: 'Task',
        createOnly: true,
      }),
    }),
    standardObject('Event', 'Event', 'Events', '00U', 'ControlledByParent', true, {
      Subject: picklistField('Subject', ['Call', 'Email', 'Meeting', 'Send Letter/Quote', 'Other'], { length: 255 }),
      WhoId: who(),
      WhatId: what(),
      AccountId: account(),
      // StartDateTime and ActivityDateTime are the same instant; EndDateTime or DurationInMinutes gives the end.
      StartDateTime: { type: 'DateTime', label: 'Start Date Time' },
      ActivityDateTime: { type: 'DateTime', label: 'Due Date Time' },
      EndDateTime: { type: 'DateTime', label: 'End Date Time' },
      DurationInMinutes: { type: 'Number', label: 'Duration', precision: 8, scale: 0 },
      // The start's date, derived on every save.
      ActivityDate: { type: 'Date', label: 'Due Date Only', systemManaged: true },
      IsAllDayEvent: checkbox('All-Day Event'),
      Location: text('Location', 255),
      ShowAs: picklistField('Show Time As', ['Busy', 'OutOfOffice', 'Free'], { defaultValue: 'Busy' }),
      Type: picklistField('Type', ACTIVITY_TYPES),
      Description: longText('Description'),
    }),
  ];
}
