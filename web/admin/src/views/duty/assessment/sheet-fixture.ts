import type { FeedValue, RubricDefinition, ScoreResult, SheetView } from '../../../api/assessment';

/** A rubric with each kind of item: averaged, awarded, fed deduction, manual deduction, bonus, veto. */
export const definition: RubricDefinition = {
  sections: [
    {
      code: '1', name: '落实两个责任', maxScore: 30,
      indicators: [
        { code: '1.1', name: '一岗双责', maxScore: 10, scoring: 'awarded', memberAveraged: true, guidance: '', deductions: [] },
        { code: '1.2', name: '专题研究', maxScore: 10, scoring: 'awarded', memberAveraged: false, guidance: '每半年至少一次', deductions: [] },
        { code: '1.3', name: '重点任务', maxScore: 10, scoring: 'deducted', memberAveraged: false, guidance: '', deductions: [{ code: '1.3-1', name: '任务超期', points: 1, cap: 5, feed: 'duty_tasks.overdue' }] },
      ],
    },
    { code: '2', name: '作风建设', maxScore: 10, indicators: [{ code: '2.1', name: '八项规定', maxScore: 10, scoring: 'deducted', memberAveraged: false, guidance: '', deductions: [{ code: '2.1-1', name: '违规', points: 2, cap: null, feed: null }] }] },
  ],
  bonuses: [{ code: 'B1', name: '上级表彰', points: 1, cap: 2, feed: null }],
  bonusCap: 2,
  vetoes: [{ code: 'V1', name: '发生严重违纪' }],
};

export const feeds: FeedValue[] = [
  { rule: '1.3-1', feed: 'duty_tasks.overdue', occurrences: 3, value: null, items: [{ id: 't1', label: '2.1 专题研究' }], known: true },
];

export const LEADER = '0190a5a0-0000-7000-8000-000000000101';

export const saved: SheetView = {
  items: [
    { indicator: '1.1', score: null, occurrences: [], members: [{ personId: LEADER, name: '王副局长', score: 8 }], comment: '', evidence: [] },
    { indicator: '1.2', score: 0, occurrences: [], members: [], comment: '未开展', evidence: [{ id: '0190a5a0-0000-7000-8000-0000000000e1', name: '会议记录.pdf', mime: 'application/pdf', size: 10 }] },
    { indicator: '2.1', score: null, occurrences: [{ rule: '2.1-1', count: 1 }], members: [], comment: '', evidence: [] },
  ],
  bonuses: [{ rule: 'B1', count: 1, comment: '' }],
  vetoes: [],
  remark: '总体完成',
  savedBy: '张三',
  savedAt: '2026-11-20T09:00:00+08:00',
};

/** What the server computes for `saved` with `feeds`: 8 + 0 + (10 − 3) + (10 − 2) + 1 bonus = 24. */
export const score: ScoreResult = {
  total: 24, sectionTotal: 23, bonus: 1,
  sections: [{ code: '1', score: 15, maxScore: 30 }, { code: '2', score: 8, maxScore: 10 }],
  indicators: [
    { code: '1.1', section: '1', base: 8, deductions: [], score: 8, maxScore: 10, zero: false, missing: false },
    { code: '1.2', section: '1', base: 0, deductions: [], score: 0, maxScore: 10, zero: true, missing: false },
    { code: '1.3', section: '1', base: 10, deductions: [{ rule: '1.3-1', occurrences: 3, points: 3, fed: true }], score: 7, maxScore: 10, zero: false, missing: false },
    { code: '2.1', section: '2', base: 10, deductions: [{ rule: '2.1-1', occurrences: 1, points: 2, fed: false }], score: 8, maxScore: 10, zero: false, missing: false },
  ],
  bonuses: [{ rule: 'B1', occurrences: 1, points: 1, fed: false }],
  zeroItems: ['1.2'],
  vetoes: [],
  grade: 'fail',
};
