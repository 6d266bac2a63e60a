import type { ComplaintSummary } from '../../../contracts/complaints.js';
import type { Ctx } from '../../platform/context.js';
import type { WorkCalendar } from '../../platform/clock/calendar.js';
import { maskMobile } from '../people/people.mask.js';
import { unseal } from './complaints.create.js';
import { complaintColour, type SlaDays } from './complaints.sla.js';
import type { SummaryRow } from './complaints.repo.js';

const EXCERPT = 60;

export function presentSummary(ctx: Ctx, r: SummaryRow, cal: WorkCalendar, days: SlaDays, today: string): ComplaintSummary {
  const content = unseal(ctx, 'content', r.id, r.content_enc) ?? '';
  return {
    id: r.id,
    code: r.code,
    channel: r.channel,
    status: r.status,
    category: { id: r.category_id, name: r.category_name },
    matter: { id: r.matter_id, name: r.matter_name },
    org: { id: r.org_id, name: r.org_name },
    responsibleOrg: r.responsible_org_id && r.responsible_org_name ? { id: r.responsible_org_id, name: r.responsible_org_name } : null,
    anonymous: r.anonymous === 1,
    excerpt: content.length > EXCERPT ? `${content.slice(0, EXCERPT)}…` : content,
    submittedAt: r.submitted_at,
    dueDate: r.due_date,
    sla: complaintColour(cal, days, r, today),
    extensions: r.extensions,
    redos: r.redos,
    dissatisfied: r.dissatisfied,
    caseId: r.case_id,
  };
}

/** A named reporter as staff see them by default: the family name's first character and a masked mobile. */
export function maskReporter(name: string | null, mobile: string | null): { name: string; mobile: string } {
  return { name: name ? `${[...name][0]}*` : '', mobile: mobile ? maskMobile(mobile) : '' };
}
