import type { ComplaintChannel, ComplaintStatus } from '../../api/complaints';

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

export const ratingOrder = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export const ratingTag: Record<(typeof ratingOrder)[number], Tone> = { satisfied: 'success', basically_satisfied: 'primary', dissatisfied: 'danger' };

const eventTones: Partial<Record<string, Tone>> = {
  submitted: 'primary',
  answered: 'success',
  closed: 'success',
  rejected: 'danger',
  redo: 'danger',
  extension_requested: 'warning',
  extension_approved: 'success',
  extension_rejected: 'danger',
  identity_viewed: 'warning',
};

/** Colour of a timeline dot: outcomes stand out, routine steps stay neutral. */
export function eventTone(kind: string): Tone {
  return eventTones[kind] ?? 'info';
}
