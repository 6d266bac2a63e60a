/**
 * Configurable code lists seeded into every tenant; administrators edit labels, order and enablement.
 * Modules add their lists here so that one page manages them all.
 */
export interface DictDefault {
  code: string;
  zh: string;
  en: string;
}

export const dictionaryDefaults: Record<string, DictDefault[]> = {
  political_status: [
    { code: 'cpc_member', zh: '中共党员', en: 'CPC member' },
    { code: 'cpc_probationary', zh: '中共预备党员', en: 'CPC probationary member' },
    { code: 'cyl_member', zh: '共青团员', en: 'Communist Youth League member' },
    { code: 'democratic_party', zh: '民主党派', en: 'Democratic party member' },
    { code: 'masses', zh: '群众', en: 'Non-party' },
  ],
  evidence_form: [
    { code: 'minutes', zh: '会议记录', en: 'Meeting minutes' },
    { code: 'report', zh: '报告', en: 'Report' },
    { code: 'plan', zh: '方案', en: 'Plan' },
    { code: 'photo', zh: '照片', en: 'Photo' },
    { code: 'ledger', zh: '台账', en: 'Ledger' },
    { code: 'talk_notes', zh: '谈话笔记', en: 'Talk notes' },
  ],
};
