import type { RegisterClue } from '../../contracts/clues.js';
import { addDays } from '../platform/clock/calendar.js';
import { today } from '../platform/clock/clock.js';
import type { Deps } from '../platform/context.js';
import { addAccess } from '../modules/clues/clues.access.js';
import { requestIdentity } from '../modules/clues/clues.identity.js';
import { registerClue } from '../modules/clues/clues.register.js';
import { decideScope } from '../modules/clues/clues.scope.js';
import * as find from './demo-lookup.js';

type Ids = Map<string, string>;

/**
 * Two clues for the 问题线索 pages, registered by 纪检委员 jijian: a named letter about a purchaser in
 * 设备维护股, accepted, with jijian2 handling, the 党总支书记 approving and an identity request waiting for
 * the custodian baoguan; and an anonymous 12388 report naming someone in 财务股 only by free text. Skipped
 * once the tenant has any clue.
 */
export async function ensureDemoClues(deps: Deps, tenantId: string, orgs: Ids, people: Ids): Promise<number> {
  if (await deps.db.selectFrom('clue').select('id').where('tenant_id', '=', tenantId).executeTakeFirst()) return 0;
  const jijian = await find.actAs(deps, tenantId, 'jijian');
  const on = today(deps.clock);
  const named: RegisterClue = {
    source: 'letter', named: true, reporter: { name: '陈立群', mobile: '13907311234', unit: '闸站管理所退休职工' },
    reportedPersonId: people.get('sluiceMaint-3')!, reportedOrgId: orgs.get('sluiceMaint')!, reportedLevel: 'below', category: 'integrity',
    summary: '维修物资采购中收受供应商礼品卡', content: '来信反映：设备维护股物资采购岗人员在去年汛前维修物资采购中，多次收受同一供应商赠送的礼品卡，并指定该供应商供货，价格明显高于市场价。',
    receivedOn: addDays(on, -6),
  };
  const first = await registerClue(jijian, named);
  await decideScope(jijian, first.id, { decision: 'accept' });
  await addAccess(jijian, first.id, { accountId: (await find.findUserId(deps.db, tenantId, 'jijian2'))!, role: 'handler' });
  await addAccess(jijian, first.id, { accountId: (await find.findUserId(deps.db, tenantId, 'secretary'))!, role: 'approver' });
  await requestIdentity(jijian, first.id, { reason: '需当面核实来信所述采购时间和供应商名称', purpose: 'handling' });
  await registerClue(jijian, {
    source: 'online_12388', named: false, reportedName: '某会计', reportedOrgId: orgs.get('finance')!, reportedLevel: 'below', category: 'work',
    summary: '报销审核把关不严', content: '网络举报反映财务股个别会计人员对差旅费报销审核不严，存在超标准报销住宿费的情况。', receivedOn: addDays(on, -2),
  });
  return 2;
}
