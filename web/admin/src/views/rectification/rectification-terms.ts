import type { RectificationEvent, RectificationSource, RectificationStatus } from '../../api/types';

type Tone = 'primary' | 'success' | 'warning' | 'danger' | 'info';

/** Display order of sources in pickers and filters: the supervision channels first, 其他 last. */
export const sourceOrder: readonly RectificationSource[] = ['patrol_audit', 'inspection_finding', 'life_meeting', 'complaint', 'clue_outcome', 'risk_review', 'manual'];

export const statusOrder: readonly RectificationStatus[] = ['pending', 'in_progress', 'awaiting_verification', 'closed'];

export const statusTag: Record<RectificationStatus, Tone> = {
  pending: 'info',
  in_progress: 'primary',
  awaiting_verification: 'warning',
  closed: 'success',
};

/** Every event kind the server records on an item's timeline. */
export const eventKinds = [
  'created', 'started', 'measure_added', 'measure_done', 'measure_reopened', 'evidence_added', 'submitted', 'closed', 'returned',
  'extension_requested', 'extension_approved', 'extension_rejected', 'reopened', 'updated',
] as const;

const eventTones: Partial<Record<string, Tone>> = {
  created: 'primary',
  measure_done: 'success',
  evidence_added: 'success',
  submitted: 'warning',
  closed: 'success',
  returned: 'danger',
  extension_requested: 'warning',
  extension_approved: 'success',
  extension_rejected: 'danger',
  reopened: 'danger',
};

/** Colour of a timeline dot: outcomes stand out, routine steps stay neutral. */
export function eventTone(kind: string): Tone {
  return eventTones[kind] ?? 'info';
}

/** The fields an `updated` event lists, as the form names them. */
const updatedFields: Record<string, string> = { title: 'title', problem: 'problem', rootCause: 'rootCause', leaderId: 'leader', ownerId: 'owner' };

type Translate = (key: string) => string;

/**
 * Message parameters for an event's sentence: codes in the params (source, field names) become words;
 * a missing number stays empty rather than leaking a placeholder.
 */
export function eventParams(e: Pick<RectificationEvent, 'kind' | 'params'>, t: Translate): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(e.params)) out[k] = v ?? '';
  if (typeof e.params.source === 'string') out.source = t(`rectification.sources.${e.params.source}`);
  if (typeof e.params.fields === 'string') {
    out.fields = e.params.fields
      .split(',')
      .filter((f) => f)
      .map((f) => (updatedFields[f] ? t(`rectification.fields.${updatedFields[f]}`) : f))
      .join('、');
  }
  return out;
}
