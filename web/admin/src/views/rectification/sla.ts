import type { RectificationSummary } from '../../api/types';

export type SlaColour = NonNullable<RectificationSummary['sla']>;

/** Legend order: 蓝 on time, 黄 close to the due date, 红 overdue or extended past the limit. */
export const slaColours: readonly SlaColour[] = ['blue', 'yellow', 'red'];

export interface SlaMark {
  /** CSS modifier of the dot; `none` for a closed item, which no longer runs against a deadline. */
  colour: SlaColour | 'none';
  labelKey: string;
  hintKey: string;
}

/**
 * The server sends a colour only when a rule fires (黄 near the due date, 红 overdue or over-extended);
 * an open item with none is on time, which the 蓝/黄/红 convention shows as 蓝.
 */
export function slaMark(item: Pick<RectificationSummary, 'sla' | 'status'>): SlaMark {
  const colour = item.sla ?? (item.status === 'closed' ? 'none' : 'blue');
  return { colour, labelKey: `rectification.sla.${colour}`, hintKey: `rectification.sla.hints.${colour}` };
}
