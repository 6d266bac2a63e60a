import { grades } from '../../../../../../contracts/assessment';
import type { AssessmentStatus, Grade } from '../../../api/assessment';

export { assessmentStatuses, grades, subjectKinds } from '../../../../../../contracts/assessment';

type Tag = 'info' | 'warning' | 'success' | 'danger' | 'primary';
export const statusTag: Record<AssessmentStatus, Tag> = { self: 'info', review: 'warning', grading: 'primary', approved: 'success' };
export const gradeTag: Record<Grade, Tag> = { excellent: 'success', good: 'primary', pass: 'warning', fail: 'danger' };
/** Index of each status on the workflow steps (自评 → 初评 → 定等次 → 已审定); approved is past the last, so every step shows done. */
export const statusStep: Record<AssessmentStatus, number> = { self: 0, review: 1, grading: 2, approved: 4 };
/** The contract lists grades from best to worst: a 党组织 may choose the computed one or any below it. */
export function gradesAtOrBelow(g: Grade): Grade[] {
  return grades.slice(grades.indexOf(g));
}
