import type { CreateDutyLetterTemplate, DutyLevel } from '../../contracts/duty-letters.js';
import { today } from '../platform/clock/clock.js';
import type { Deps } from '../platform/context.js';
import { proposeLetters } from '../modules/duty-letters/duty-letters.proposal.js';
import { getLetter, issueLetters } from '../modules/duty-letters/duty-letters.service.js';
import { signLetter } from '../modules/duty-letters/duty-letters.sign.js';
import { createTemplate } from '../modules/duty-letters/duty-letters.templates.js';
import { actAs } from './demo-lookup.js';

const DUTIES = [
  '认真贯彻落实党中央关于全面从严治党的决策部署和局党总支工作要求，把党风廉政建设与业务工作同部署、同落实、同检查、同考核。',
  '履行“一岗双责”，每季度至少听取1次分管领域党风廉政建设工作汇报，每年至少开展2次专题调研。',
  '每年至少与分管单位（股室）主要负责人开展1次廉政谈话，对苗头性、倾向性问题早发现、早提醒、早纠正。',
  '严格落实“三重一大”集体决策制度，不直接分管财务、人事、工程项目和物资采购。',
  '抓好分管领域廉政风险防控，督促落实整改事项，按期对账销号。',
  '严格遵守中央八项规定及其实施细则精神，管好配偶、子女和身边工作人员。',
];

const templates: Record<'bureau' | 'branch', CreateDutyLetterTemplate> = {
  bureau: {
    name: '班子成员党风廉政建设责任书',
    level: 'bureau',
    title: '{year}年度党风廉政建设责任书',
    preamble: '为深入推进全面从严治党，落实党风廉政建设主体责任和监督责任，根据上级党组织要求，结合{org}实际，签订本责任书。',
    duties: DUTIES,
    closing: '本责任书自签订之日起生效，有效期至{year}年12月31日。责任落实情况纳入年度考核，考核结果作为业绩评定、奖励惩处的重要依据。',
    signatureLabels: ['党总支书记（签字）', '班子成员（签字）', '单位负责人（签字）'],
  },
  branch: {
    name: '党支部党风廉政建设责任书',
    level: 'branch',
    title: '{year}年度{org}党风廉政建设责任书',
    preamble: '为落实基层党组织全面从严治党主体责任，局党总支与{org}签订本责任书。',
    duties: [
      '落实“三会一课”、主题党日等组织生活制度，每年至少开展2次警示教育。',
      '党支部书记履行第一责任人职责，每年与每名支部委员、党员开展谈心谈话。',
      '对支部党员遵守纪律情况开展经常性监督，发现问题及时报告。',
    ],
    closing: '本责任书一式两份，双方各执一份。',
    signatureLabels: ['党总支书记（签字）', '党支部书记（签字）'],
  },
};

/**
 * This year's 责任书 for the letter pages: zuzhi keeps the two templates and issues what the proposal finds
 * for the leadership and the branches with an account on every side; the 党总支书记 and jijian have signed
 * theirs, leader1 has not signed yet, the branch letter waits for both, so the board shows each state.
 * Skipped once the tenant has any template.
 */
export async function ensureDemoDutyLetters(deps: Deps, tenantId: string): Promise<number> {
  if (await deps.db.selectFrom('duty_letter_template').select('id').where('tenant_id', '=', tenantId).executeTakeFirst()) return 0;
  const year = Number(today(deps.clock).slice(0, 4));
  const [zuzhi, secretary, jijian] = await Promise.all(['zuzhi', 'secretary', 'jijian'].map((u) => actAs(deps, tenantId, u)));
  const ids = { bureau: (await createTemplate(zuzhi!, templates.bureau)).id, branch: (await createTemplate(zuzhi!, templates.branch)).id };
  const proposal = await proposeLetters(zuzhi!, year);
  const template = (level: DutyLevel) => (level === 'branch' ? ids.branch : ids.bureau);
  const issued = await issueLetters(zuzhi!, {
    year,
    letters: proposal.items
      .filter((i) => i.parties.every((p) => p.hasAccount))
      .map((i) => ({ templateId: template(i.level), level: i.level, orgId: i.org.id, partyPersonIds: i.parties.map((p) => p.person.id) })),
  });
  const personOf = (ctx: typeof zuzhi) => (ctx!.actor.kind === 'user' ? ctx!.actor.personId : null);
  for (const id of issued.ids) {
    const letter = await getLetter(zuzhi!, id);
    if (letter.level !== 'bureau') continue;
    await signLetter(secretary!, id, { contentHash: letter.contentHash });
    if (letter.parties.some((p) => p.person.id === personOf(jijian))) await signLetter(jijian!, id, { contentHash: letter.contentHash });
  }
  return issued.created;
}
