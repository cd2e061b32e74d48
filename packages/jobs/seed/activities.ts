/**
 * The work with the partner that the CRM records as activities: per partner, from its own stream
 * (`activities-<n>`), calls, emails and to-dos (tasks) and meetings (events) in every quarter of the window up
 * to today, with one of the partner's people, about the partner account (so the activity's account is the
 * partner), by its AE or partner manager. Past tasks are mostly completed. More active pairs do more.
 */
import { addDays, daysBetween } from '../periods';
import type { PartnerProfile, SeedContext } from './context';
import { pad, ref, type SeedRecord } from './records';
import { ACTIVITY_TOPICS } from './vocabulary';

export interface PartnerActivities {
  tasks: SeedRecord[];
  events: SeedRecord[];
}

const KINDS: ['Call' | 'Email' | 'To-do' | 'Meeting', number][] = [
  ['Call', 40],
  ['Email', 30],
  ['Meeting', 20],
  ['To-do', 10],
];

/** `peopleKeys`: the contacts at the partner the activities are with. */
export function partnerActivities(ctx: SeedContext, profile: PartnerProfile, peopleKeys: string[]): PartnerActivities {
  const rng = ctx.root.fork(`activities-${profile.index}`);
  const { asOf } = ctx;
  const tasks: SeedRecord[] = [];
  const events: SeedRecord[] = [];
  if (peopleKeys.length === 0) return { tasks, events };
  // The seed finds its activities again by what, who, subject and date (activities have no external key):
  // the same activity twice is one.
  const seen = new Set<string>();
  let n = 0;
  for (const quarter of ctx.quarters.filter((q) => q.start <= asOf)) {
    const last = quarter.end < asOf ? quarter.end : asOf;
    const count = rng.poisson(ctx.scale.programme.activitiesPerQuarter * profile.intensity);
    for (let a = 0; a < count; a++) {
      const kind = rng.weighted(KINDS);
      const date = addDays(quarter.start, rng.int(0, daysBetween(quarter.start, last)));
      const whoKey = rng.pick(peopleKeys);
      const topic = rng.pick(ACTIVITY_TOPICS);
      const ownerKey = rng.chance(0.5) ? profile.aeKey : profile.managerKey;
      const completed = rng.chance(0.85) || date < addDays(asOf, -30);
      const subject = `${kind === 'To-do' ? 'Follow-up' : kind}: ${topic}`;
      const identity = `${kind}|${subject}|${date}|${whoKey}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      n++;
      const recordKey = `${profile.key}-activity-${pad(n, 4)}`;
      const common = {
        Subject: subject,
        WhatId: ref('Account', profile.key),
        WhoId: ref('Contact', whoKey),
        OwnerId: ref('User', ownerKey),
      };
      if (kind === 'Meeting') {
        events.push({
          sobject: 'Event',
          key: recordKey,
          fields: { ...common, Type: 'Meeting', StartDateTime: `${date}T16:00:00.000Z`, DurationInMinutes: 60 },
        });
      } else {
        tasks.push({
          sobject: 'Task',
          key: recordKey,
          fields: {
            ...common,
            Type: kind === 'To-do' ? 'Other' : kind,
            TaskSubtype: kind === 'To-do' ? 'Task' : kind,
            ActivityDate: date,
            Status: completed ? 'Completed' : 'In Progress',
            Priority: 'Normal',
          },
        });
      }
    }
  }
  return { tasks, events };
}
