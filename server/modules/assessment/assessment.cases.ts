import type { RouteCase } from '../../test/route-case.js';
import type { FixtureUser } from '../../test/world.js';
import { draftRubric, fullSheet, publishedRubric, sampleRubric, unitAssessment } from './assessment.fixtures.js';

const readers: FixtureUser[] = ['secretary', 'discipline', 'orgOfficer', 'unitOfficer', 'branchSecretary'];
/** assessment:manage over the whole tenant (rubrics are tenant-wide). */
const rubricManagers: FixtureUser[] = ['orgOfficer', 'discipline'];
const reviewers: FixtureUser[] = ['orgOfficer', 'discipline', 'unitOfficer'];

const A = '/api/assessment';

export const assessmentCases: RouteCase[] = [
  { method: 'GET', route: `${A}/feeds`, allow: readers, request: () => ({ url: `${A}/feeds` }) },
  { method: 'GET', route: `${A}/rubrics`, allow: readers, request: () => ({ url: `${A}/rubrics?year=2026&subjectKind=unit&page=1&pageSize=10` }) },
  { method: 'POST', route: `${A}/rubrics`, allow: rubricManagers, ok: 201, request: () => ({ url: `${A}/rubrics`, body: sampleRubric() }) },
  { method: 'GET', route: `${A}/rubrics/:id`, allow: readers, request: async (w) => ({ url: `${A}/rubrics/${await draftRubric(w)}` }) },
  {
    method: 'PUT',
    route: `${A}/rubrics/:id`,
    allow: rubricManagers,
    request: async (w) => ({ url: `${A}/rubrics/${await draftRubric(w)}`, body: { ...sampleRubric(2027), name: '2027年度考核细则（征求意见稿）' } }),
  },
  { method: 'POST', route: `${A}/rubrics/:id/publish`, allow: rubricManagers, request: async (w) => ({ url: `${A}/rubrics/${await draftRubric(w)}/publish` }) },
  { method: 'POST', route: `${A}/rubrics/:id/copy`, allow: rubricManagers, ok: 201, request: async (w) => ({ url: `${A}/rubrics/${await publishedRubric(w)}/copy`, body: { year: 2027 } }) },
  {
    method: 'POST',
    route: `${A}/rubrics/:id/assessments`,
    allow: reviewers,
    request: async (w, as) => ({ url: `${A}/rubrics/${await publishedRubric(w)}/assessments`, body: { orgIds: [as === 'unitOfficer' ? w.orgs.unitASection : w.orgs.branch1] } }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: `${A}/rubrics/${await publishedRubric(w)}/assessments`, body: { orgIds: [w.orgs.unitA] } }),
        outside: async (w) => ({ url: `${A}/rubrics/${await publishedRubric(w)}/assessments`, body: { orgIds: [w.orgs.office] } }),
        denied: 403,
      },
    ],
  },
  { method: 'GET', route: `${A}/assessments`, allow: readers, request: () => ({ url: `${A}/assessments?year=2026&status=self&page=1` }) },
  {
    method: 'GET',
    route: `${A}/assessments/:id`,
    allow: readers,
    request: async (w, as) => ({ url: `${A}/assessments/${await unitAssessment(w, 'self', as === 'unitOfficer' ? 'unitA' : 'branch1')}` }),
    scope: [
      { as: 'branchSecretary', inside: async (w) => ({ url: `${A}/assessments/${await unitAssessment(w, 'self', 'branch1')}` }), outside: async (w) => ({ url: `${A}/assessments/${await unitAssessment(w, 'self', 'branch2')}` }) },
      { as: 'unitOfficer', inside: async (w) => ({ url: `${A}/assessments/${await unitAssessment(w, 'self', 'unitA')}` }), outside: async (w) => ({ url: `${A}/assessments/${await unitAssessment(w, 'self', 'office')}` }) },
    ],
  },
  {
    method: 'PUT',
    route: `${A}/assessments/:id/self`,
    allow: ['branchSecretary'],
    request: async (w) => ({ url: `${A}/assessments/${await unitAssessment(w, 'self')}/self`, body: fullSheet([w.users.branchSecretary.personId!]) }),
    scope: [
      {
        as: 'branchSecretary',
        inside: async (w) => ({ url: `${A}/assessments/${await unitAssessment(w, 'self', 'branch1')}/self`, body: { items: [{ indicator: '1.1', score: 2 }] } }),
        outside: async (w) => ({ url: `${A}/assessments/${await unitAssessment(w, 'self', 'branch2')}/self`, body: { items: [{ indicator: '1.1', score: 2 }] } }),
      },
    ],
  },
  {
    method: 'POST',
    route: `${A}/assessments/:id/submit-self`,
    allow: ['branchSecretary'],
    request: async (w) => {
      const id = await unitAssessment(w, 'self');
      await w.as('branchSecretary').put(`${A}/assessments/${id}/self`, fullSheet([]));
      return { url: `${A}/assessments/${id}/submit-self` };
    },
  },
  {
    method: 'PUT',
    route: `${A}/assessments/:id/review`,
    allow: reviewers,
    request: async (w) => ({ url: `${A}/assessments/${await unitAssessment(w, 'review')}/review`, body: { items: [{ indicator: '1.1', score: 2, comment: '实施方案未细化到股室' }], remark: '基本属实' } }),
  },
  { method: 'POST', route: `${A}/assessments/:id/submit-review`, allow: reviewers, request: async (w) => ({ url: `${A}/assessments/${await unitAssessment(w, 'review')}/submit-review` }) },
  { method: 'POST', route: `${A}/assessments/:id/approve`, allow: ['secretary'], request: async (w) => ({ url: `${A}/assessments/${await unitAssessment(w, 'grading')}/approve`, body: {} }) },
  {
    method: 'POST',
    route: `${A}/assessments/:id/return`,
    allow: ['secretary', 'orgOfficer', 'discipline', 'unitOfficer'],
    request: async (w, as) => ({ url: `${A}/assessments/${await unitAssessment(w, as === 'secretary' ? 'grading' : 'review')}/return`, body: { note: '佐证材料不全，请补充' } }),
  },
  {
    method: 'POST',
    route: `${A}/assessments/:id/refresh-feeds`,
    allow: reviewers,
    request: async (w, as) => ({ url: `${A}/assessments/${await unitAssessment(w, 'self', as === 'unitOfficer' ? 'unitA' : 'branch1')}/refresh-feeds` }),
    scope: [
      {
        as: 'unitOfficer',
        inside: async (w) => ({ url: `${A}/assessments/${await unitAssessment(w, 'self', 'unitA')}/refresh-feeds` }),
        outside: async (w) => ({ url: `${A}/assessments/${await unitAssessment(w, 'self', 'branch1')}/refresh-feeds` }),
      },
    ],
  },
  { method: 'GET', route: `${A}/export.xlsx`, allow: readers, request: () => ({ url: `${A}/export.xlsx?year=2026&lang=zh-CN` }) },
  { method: 'GET', route: `${A}/compare`, allow: readers, request: () => ({ url: `${A}/compare?fromYear=2025&toYear=2026&subjectKind=unit` }) },
];
