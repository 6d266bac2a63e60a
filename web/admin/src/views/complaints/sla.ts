import type { ComplaintStatus, ComplaintSummary } from '../../api/complaints';
import { isFinished } from './complaint-terms';

export type ComplaintSla = NonNullable<ComplaintSummary['sla']>;

/** Legend and filter order, from the earliest rule to break to the most serious. */
export const slaColours: readonly ComplaintSla[] = ['blue', 'yellow', 'red'];

export interface ComplaintSlaMark {
  /** CSS modifier: `ok` runs on time, `none` no longer runs (办结 or 不予受理). */
  colour: ComplaintSla | 'ok' | 'none';
  labelKey: string;
  hintKey: string;
}

/**
 * Unlike rectification, blue is a warning here: 蓝 not 分办 within the assignment limit, 黄 not answered
 * within the answer limit after 交办, 红 overdue, extended past the limit or rated dissatisfied twice.
 * No colour on an open complaint means it is on time.
 */
export function complaintSlaMark(item: { sla: ComplaintSummary['sla']; status: ComplaintStatus }): ComplaintSlaMark {
  const colour = item.sla ?? (isFinished(item.status) ? 'none' : 'ok');
  return { colour, labelKey: `complaints.sla.${colour}`, hintKey: `complaints.sla.hints.${colour}` };
}
