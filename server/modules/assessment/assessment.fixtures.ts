import type { AssessmentStatus, RubricDefinition, SaveRubric, SubjectKind } from '../../../contracts/assessment.js';
import type { FixtureOrg, World } from '../../test/world.js';

const rule = (code: string, name: string, points: number, cap: number | null, feed: string | null = null) => ({ code, name, points, cap, feed });
const ind = (code: string, name: string, maxScore: number, scoring: 'awarded' | 'deducted', deductions: ReturnType<typeof rule>[] = [], memberAveraged = false) => ({
  code, name, maxScore, scoring, memberAveraged, guidance: '', deductions,
});

/** Test support: a small rubric in the shape of the real table (落实两个责任 40 分, 作风建设 60 分). */
export function sampleDefinition(): RubricDefinition {
  return {
    sections: [
      {
        code: '1',
        name: '落实两个责任',
        maxScore: 40,
        indicators: [
          ind('1.1', '制定党风廉政建设实施方案', 3, 'awarded'),
          ind('1.2', '年度工作部署', 3, 'awarded'),
          ind('1.3', '专题研究党风廉政建设', 2, 'deducted', [rule('1.3a', '少开一次专题会', 1, null)]),
          ind('1.4', '向上级报告', 2, 'awarded'),
          ind('1.5', '廉洁教育和任职廉政谈话', 2, 'awarded'),
          ind('1.6', '主要负责人履行第一责任', 10, 'deducted', [rule('1.6a', '一把手未书面报告', 1, 3)]),
          ind('1.7', '班子成员履行一岗双责', 10, 'awarded', [rule('1.7a', '班子成员未督查分管领域', 1, 2)], true),
          ind('1.8', '问题整改', 8, 'deducted', [rule('1.8a', '整改事项超期', 1, 5, 'rectification.overdue')]),
        ],
      },
      { code: '2', name: '作风建设', maxScore: 60, indicators: [ind('2.1', '落实中央八项规定精神', 30, 'awarded'), ind('2.2', '会议记录', 30, 'deducted', [rule('2.2a', '缺少会议记录', 0.5, 4)])] },
    ],
    bonuses: [rule('B1', '“三重一大”集体研究', 5, 5)],
    bonusCap: 5,
    vetoes: [{ code: 'V1', name: '发生严重违纪违法案件' }],
  };
}

export function sampleRubric(year = 2026, subjectKind: SubjectKind = 'unit'): SaveRubric {
  return { year, name: `${year}年度党风廉政建设责任制考核细则`, subjectKind, definition: sampleDefinition() };
}

async function ok(res: { statusCode: number; body: string; json(): unknown }, what: string, status = 200) {
  if (res.statusCode !== status) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; items: { id: string }[] };
}

export async function draftRubric(w: World, year = 2026, subjectKind: SubjectKind = 'unit'): Promise<string> {
  return (await ok(await w.as('orgOfficer').post('/api/assessment/rubrics', sampleRubric(year, subjectKind)), 'create rubric', 201)).id;
}

export async function publishedRubric(w: World, year = 2026, subjectKind: SubjectKind = 'unit'): Promise<string> {
  const id = await draftRubric(w, year, subjectKind);
  await ok(await w.as('orgOfficer').post(`/api/assessment/rubrics/${id}/publish`), 'publish');
  return id;
}

/** A full-marks 自评 sheet for the sample rubric. */
export function fullSheet(members: string[]) {
  return {
    items: [
      { indicator: '1.1', score: 3 },
      { indicator: '1.2', score: 3 },
      { indicator: '1.4', score: 2 },
      { indicator: '1.5', score: 2 },
      { indicator: '1.7', members: members.map((personId) => ({ personId, score: 10 })) },
      { indicator: '2.1', score: 30 },
    ],
  };
}

const order: AssessmentStatus[] = ['self', 'review', 'grading', 'approved'];

/**
 * A unit assessment of `org` under a fresh rubric, brought to `status` through the routes: 自评 by the
 * branch secretary, 初评 by the org officer, 定等次 by the secretary. Only 第一党支部 has a fixture
 * account that may 自评; for other orgs the steps after launch are out of reach of the fixture world.
 */
export async function unitAssessment(w: World, status: AssessmentStatus = 'self', org: FixtureOrg = 'branch1', year = 2026): Promise<string> {
  const rubricId = await publishedRubric(w, year);
  const launcher = org === 'branch1' || org === 'branch2' || org === 'office' || org === 'generalBranch' || org === 'bureau' ? 'orgOfficer' : 'unitOfficer';
  const id = (await ok(await w.as(launcher).post(`/api/assessment/rubrics/${rubricId}/assessments`, { orgIds: [w.orgs[org]] }), 'launch')).items[0]!.id;
  const at = order.indexOf(status);
  if (at >= 1) {
    if (org !== 'branch1') throw new Error('only 第一党支部 can be self-assessed in the fixture world');
    await ok(await w.as('branchSecretary').put(`/api/assessment/assessments/${id}/self`, fullSheet([w.users.branchSecretary.personId!])), 'save self');
    await ok(await w.as('branchSecretary').post(`/api/assessment/assessments/${id}/submit-self`), 'submit self');
  }
  if (at >= 2) await ok(await w.as('orgOfficer').post(`/api/assessment/assessments/${id}/submit-review`), 'submit review');
  if (at >= 3) await ok(await w.as('secretary').post(`/api/assessment/assessments/${id}/approve`, {}), 'approve');
  return id;
}
