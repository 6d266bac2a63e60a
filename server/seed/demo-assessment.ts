import type { RubricDefinition, Sheet } from '../../contracts/assessment.js';
import { systemCtx, type Deps } from '../platform/context.js';
import { today } from '../platform/clock/clock.js';
import { assessmentFeedCodes } from '../modules/assessment/assessment.feeds.js';
import { copyRubric, createRubric, publishRubric } from '../modules/assessment/assessment.rubrics.js';
import { launchAssessments } from '../modules/assessment/assessment.service.js';
import { approveAssessment, saveSheet, submitReview, submitSelf } from '../modules/assessment/assessment.workflow.js';

type Ids = Map<string, string>;

/** Fed rules of the demo rubric; a feed not registered in this build leaves its rule to be counted by hand. */
const DEMO_FEEDS: Record<string, string> = { '1.6b': 'duty_letters.signing_rate', '1.8c': 'duty_tasks.overdue', '2.1a': 'rectification.overdue' };

const rule = (code: string, name: string, points: number, cap: number | null) => ({ code, name, points, cap, feed: null as string | null });
const ind = (code: string, name: string, maxScore: number, scoring: 'awarded' | 'deducted', guidance: string, deductions: ReturnType<typeof rule>[] = [], memberAveraged = false) => ({
  code, name, maxScore, scoring, memberAveraged, guidance, deductions,
});

/**
 * The 考核细则 in the shape of the real tables (domain-rules §4.3): 落实两个责任 40 分 (党委集体领导 12,
 * 主要负责人第一责任 10, 班子成员一岗双责 10 scored per member and averaged, 责任分解与考核 8), the 建设局
 * deductions (no plan 0, −1 per missing minutes, 签订率 < 100 % −2, 照搬照抄 −2, 未分工 −2, no year-end
 * assessment −2, 一把手 no written report −1/例), the 加减分 table (三重一大 −2 per miss, 四个不直接分管 −1 per
 * department), 作风建设, a bonus and two veto items.
 */
export function demoRubricDefinition(feeds: ReadonlySet<string>): RubricDefinition {
  const def: RubricDefinition = {
    sections: [
      {
        code: '1',
        name: '落实两个责任',
        maxScore: 40,
        indicators: [
          ind('1.1', '制定年度党风廉政建设实施方案', 3, 'awarded', '无实施方案的不得分'),
          ind('1.2', '年度党风廉政建设工作部署', 3, 'awarded', '年初召开会议专题部署'),
          ind('1.3', '每年至少2次专题研究党风廉政建设', 2, 'deducted', '查会议记录', [rule('1.3a', '少开一次专题会', 1, 2), rule('1.3b', '缺少会议记录', 1, 2)]),
          ind('1.4', '向上级党组织报告履行主体责任情况', 2, 'awarded', '查书面报告'),
          ind('1.5', '廉洁教育和任职廉政谈话', 2, 'awarded', '查教育记录和谈话记录'),
          ind('1.6', '主要负责人履行第一责任人职责', 10, 'deducted', '一把手书面报告、责任书签订', [
            rule('1.6a', '一把手未书面报告', 1, 5), rule('1.6b', '责任书签订率低于100%', 2, 2), rule('1.6c', '照搬照抄上级文件', 2, 2),
          ]),
          ind('1.7', '班子成员履行“一岗双责”', 10, 'awarded', '逐人评分后取平均', [rule('1.7a', '班子成员未督查分管领域', 1, 5)], true),
          ind('1.8', '责任分解与考核', 8, 'deducted', '查任务分解表和年终考核', [rule('1.8a', '未进行责任分工', 2, 2), rule('1.8b', '未开展年终考核', 2, 2), rule('1.8c', '重点任务超期', 1, 4)]),
        ],
      },
      {
        code: '2',
        name: '监督执纪问责',
        maxScore: 30,
        indicators: [
          ind('2.1', '问题整改', 10, 'deducted', '整改台账逐项销号', [rule('2.1a', '整改事项超期', 1, 5)]),
          ind('2.2', '“三重一大”集体决策', 10, 'deducted', '抽查议事记录', [rule('2.2a', '每少一次集体研究', 2, 10)]),
          ind('2.3', '主要负责人“四个不直接分管”', 10, 'deducted', '查分工文件', [rule('2.3a', '每个直接分管的部门', 1, 5)]),
        ],
      },
      {
        code: '3',
        name: '作风建设',
        maxScore: 30,
        indicators: [ind('3.1', '落实中央八项规定精神', 15, 'awarded', '公务接待、公务用车台账'), ind('3.2', '廉政风险防控', 15, 'awarded', '风险点排查和防控措施')],
      },
    ],
    bonuses: [rule('B1', '经验做法被上级推广', 2, 4), rule('B2', '“三重一大”集体研究制度执行好', 5, 5)],
    bonusCap: 5,
    vetoes: [{ code: 'V1', name: '发生严重违纪违法案件' }, { code: 'V2', name: '发生重大责任事故被问责' }],
  };
  for (const s of def.sections) {
    for (const i of s.indicators) for (const d of i.deductions) d.feed = feeds.has(DEMO_FEEDS[d.code] ?? '') ? DEMO_FEEDS[d.code]! : null;
  }
  return def;
}

function sheet(leaders: string[], minus: Record<string, number>, extra: Partial<Sheet> = {}): Sheet {
  const awarded: [string, number][] = [['1.1', 3], ['1.2', 3], ['1.4', 2], ['1.5', 2], ['3.1', 15], ['3.2', 15]];
  return {
    items: [
      ...awarded.map(([indicator, max]) => ({ indicator, score: max - (minus[indicator] ?? 0), ...(minus[indicator] ? { comment: '对照细则扣分' } : {}) })),
      { indicator: '1.7', members: leaders.map((personId, i) => ({ personId, score: 10 - ((i + (minus['1.7'] ?? 0)) % 3) })) },
    ],
    ...extra,
  };
}

/**
 * Last year's rubric with three units approved (so the comparison and the pay export have data), and this
 * year's copy with units at each step: 闸站管理所党支部 (zhibu's) and the 工程建设管理站 waiting for their
 * 自评, 闸站管理所 in 初评, 河道巡查大队 at 定等次; and the leaders' own rubric waiting for their 自评.
 * Steps are recorded as done by the system. Skipped once the tenant has a rubric.
 */
export async function ensureDemoAssessment(deps: Deps, tenantId: string, orgs: Ids, people: Ids): Promise<number> {
  if (await deps.db.selectFrom('assessment_rubric').select('id').where('tenant_id', '=', tenantId).executeTakeFirst()) return 0;
  const ctx = systemCtx(deps, tenantId);
  const year = Number(today(deps.clock).slice(0, 4));
  const def = demoRubricDefinition(new Set(assessmentFeedCodes()));
  const leaders = ['chief', 'deputy1', 'deputy2', 'deputy3', 'inspector', 'chiefEngineer'].map((k) => people.get(k)!);
  const units = ['branchSluice', 'sluice', 'patrol', 'works'].map((k) => orgs.get(k)!);

  const last = await createRubric(ctx, { year: year - 1, name: `${year - 1}年度党风廉政建设责任制考核细则`, subjectKind: 'unit', definition: def });
  await publishRubric(ctx, last.id);
  // Kept small: the whole demo seed has a time budget, and three units are enough for the comparison.
  const lastYear = (await launchAssessments(ctx, last.id, { orgIds: units.slice(0, 3) })).items;
  const lastMinus: Record<string, number>[] = [{ '3.1': 2 }, { '1.1': 3, '3.2': 4 }, {}];
  for (const [i, a] of lastYear.entries()) {
    await saveSheet(ctx, a.id, 'self', sheet(leaders, lastMinus[i]!));
    await submitSelf(ctx, a.id);
    if (i === 2) await saveSheet(ctx, a.id, 'review', sheet(leaders, {}, { bonuses: [{ rule: 'B2', count: 1 }], remark: '集体决策制度执行较好' }));
    await submitReview(ctx, a.id);
    await approveAssessment(ctx, a.id, {});
  }

  const current = await copyRubric(ctx, last.id, { year, name: `${year}年度党风廉政建设责任制考核细则` });
  await publishRubric(ctx, current.id);
  const thisYear = (await launchAssessments(ctx, current.id, { orgIds: units })).items;
  const of = (org: string) => thisYear.find((a) => a.org.id === orgs.get(org))!;
  const inReview = of('sluice');
  const atGrading = of('patrol');
  for (const a of [inReview, atGrading]) {
    await saveSheet(ctx, a.id, 'self', sheet(leaders, { '3.1': 1 }, { remark: '对照考核细则逐项自查' }));
    await submitSelf(ctx, a.id);
  }
  await saveSheet(ctx, atGrading.id, 'review', sheet(leaders, { '3.1': 3, '1.7': 1 }, { remark: '经听取汇报、个别访谈，初评如下' }));
  await submitReview(ctx, atGrading.id);

  const leaderRubric = await createRubric(ctx, { year, name: `${year}年度班子成员党风廉政建设责任制考核细则`, subjectKind: 'leader', definition: def });
  await publishRubric(ctx, leaderRubric.id);
  await launchAssessments(ctx, leaderRubric.id, { personIds: leaders.slice(1, 4) });
  return lastYear.length + thisYear.length + 3;
}
