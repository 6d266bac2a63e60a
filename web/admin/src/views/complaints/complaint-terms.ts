import type { ComplaintChannel, ComplaintStatus, Rating } from '../../api/complaints';

type Tone = 'primary' | 'success' | 'warning' | 'danger' | 'info';

export const channelOrder: readonly ComplaintChannel[] = ['portal', 'phone', 'letter', 'visit', 'referral'];

/** Channels staff register by hand; portal complaints arrive by themselves. */
export const intakeChannels = ['phone', 'letter', 'visit', 'referral'] as const;
export type IntakeChannel = (typeof intakeChannels)[number];

/** 提交 → 分办 → 交办 → 办理中 → 已答复 → 已评价 → 办结, then 不予受理, which ends a complaint early. */
export const statusOrder: readonly ComplaintStatus[] = ['submitted', 'assigned', 'dispatched', 'in_progress', 'answered', 'rated', 'closed', 'rejected'];

/** New complaints wait for the supervisor (red tag), answered ones for the reporter (amber), the rest are in hand. */
export const statusTag: Record<ComplaintStatus, Tone> = {
  submitted: 'danger',
  assigned: 'primary',
  dispatched: 'primary',
  in_progress: 'primary',
  answered: 'warning',
  rated: 'warning',
  closed: 'success',
  rejected: 'info',
};

/** A finished complaint no longer runs against a deadline. */
export function isFinished(status: ComplaintStatus): boolean {
  return status === 'closed' || status === 'rejected';
}

export const ratingTag: Record<Rating, Tone> = { satisfied: 'success', basically_satisfied: 'primary', dissatisfied: 'danger' };

const eventTones: Partial<Record<string, Tone>> = {
  submitted: 'primary',
  answered: 'success',
  closed: 'success',
  rejected: 'danger',
  redo: 'danger',
  extension_requested: 'warning',
  extended: 'success',
  extension_refused: 'danger',
  identity_viewed: 'warning',
};

/** Colour of a timeline dot: outcomes stand out, routine steps stay neutral. */
export function eventTone(kind: string): Tone {
  return eventTones[kind] ?? 'info';
}

/**
 * Events whose note is a fact for the sentence rather than someone's words: how many people were recused,
 * the other complaint of a link, the 整改 item created. Their sentence takes the note as `{value}`.
 */
const noteInSentence = new Set(['recused', 'linked', 'rectification_created']);

/** The sentence key and parameters of a timeline entry, and the note left to show under it. */
export function eventText(e: { kind: string; note: string }, known: (key: string) => boolean): { key: string; params: Record<string, string>; note: string } {
  const key = `complaints.events.${e.kind}`;
  if (!known(key)) return { key: 'complaints.events.unknown', params: { kind: e.kind }, note: e.note };
  if (noteInSentence.has(e.kind) && e.note) return { key, params: { value: e.note }, note: '' };
  return { key, params: {}, note: e.note };
}

/** Events the reporter causes on the portal carry no staff account: their actor is the reporter, not the system. */
const reporterEvents = new Set(['submitted', 'reporter_message', 'rated']);

export function eventActor(e: { kind: string; actorName: string | null }): { name: string } | { key: string } {
  if (e.actorName) return { name: e.actorName };
  return { key: reporterEvents.has(e.kind) ? 'complaints.thread.reporter' : 'complaints.events.noActor' };
}
