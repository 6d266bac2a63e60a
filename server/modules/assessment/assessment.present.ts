import type { AssessmentSummary, FeedValue, Rubric, RubricDefinition, RubricSummary, Sheet, SheetView } from '../../../contracts/assessment.js';
import type { Attachment } from '../../../contracts/system.js';
import { fromCenti } from './assessment.score.js';
import type { RubricListRow, SummaryRow } from './assessment.repo.js';

const total = (centi: number | null) => (centi === null ? null : fromCenti(centi));

export function presentRubricSummary(r: RubricListRow): RubricSummary {
  return {
    id: r.id,
    year: r.year,
    name: r.name,
    subjectKind: r.subject_kind,
    status: r.status,
    maxTotal: fromCenti(r.max_total_centi),
    assessmentCount: Number(r.assessment_count),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
  };
}

export function presentRubric(r: RubricListRow, canManage: boolean): Rubric {
  const actions: Rubric['actions'] = [];
  if (canManage) {
    if (r.status === 'draft') actions.push('edit', 'publish');
    else actions.push('launch');
    actions.push('copy');
  }
  return { ...presentRubricSummary(r), definition: JSON.parse(r.definition) as RubricDefinition, actions };
}

export function presentSummary(r: SummaryRow): AssessmentSummary {
  return {
    id: r.id,
    year: r.year,
    rubric: { id: r.rubric_id, name: r.rubric_name },
    subjectKind: r.subject_kind,
    subject: r.subject_kind === 'leader' ? { id: r.person_id!, name: r.person_name ?? '' } : { id: r.org_id, name: r.org_name },
    org: { id: r.org_id, name: r.org_name },
    status: r.status,
    selfTotal: total(r.self_total_centi),
    reviewTotal: total(r.review_total_centi),
    finalTotal: total(r.final_total_centi),
    grade: r.grade,
    updatedAt: r.updated_at,
    approvedAt: r.approved_at,
  };
}

/** A stored sheet with member names and its evidence as attachment references. */
export function presentSheet(
  sheet: Sheet,
  saved: { by: string | null; at: string },
  names: Map<string, string>,
  evidence: Map<string, Attachment>,
): SheetView {
  return {
    items: sheet.items.map((i) => ({
      indicator: i.indicator,
      score: i.score ?? null,
      occurrences: i.occurrences ?? [],
      members: (i.members ?? []).map((m) => ({ personId: m.personId, name: names.get(m.personId) ?? '', score: m.score })),
      comment: i.comment ?? '',
      evidence: (i.attachmentIds ?? []).flatMap((id) => {
        const a = evidence.get(id);
        return a ? [{ id: a.id, name: a.name, mime: a.mime, size: a.size }] : [];
      }),
    })),
    bonuses: (sheet.bonuses ?? []).map((b) => ({ rule: b.rule, count: b.count, comment: b.comment ?? '' })),
    vetoes: sheet.vetoes ?? [],
    remark: sheet.remark ?? '',
    savedBy: saved.by,
    savedAt: saved.at,
  };
}

export const parseFeeds = (json: string): FeedValue[] => JSON.parse(json) as FeedValue[];
