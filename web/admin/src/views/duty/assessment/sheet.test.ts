import { describe, expect, it } from 'vitest';
import { definition, LEADER, saved } from './sheet-fixture';
import { sheetModel, sheetProblems, toSheet } from './sheet';

const OTHER = '0190a5a0-0000-7000-8000-000000000102';

describe('scoring sheet model', () => {
  it('reads a saved sheet back, leaves fed counts to the feed and seeds unscored members', () => {
    const m = sheetModel(definition, saved, [{ personId: LEADER, name: '王副局长' }, { personId: OTHER, name: '李副局长' }]);
    expect(m.rows['1.1']!.members).toEqual([{ personId: LEADER, name: '王副局长', score: 8 }, { personId: OTHER, name: '李副局长', score: null }]);
    expect(m.rows['1.2']).toMatchObject({ score: 0, comment: '未开展', evidence: [{ id: '0190a5a0-0000-7000-8000-0000000000e1', name: '会议记录.pdf' }] });
    expect(m.rows['1.3']!.occurrences).toEqual({ '1.3-1': null });
    expect(m.rows['2.1']!.occurrences).toEqual({ '2.1-1': 1 });
    expect(m.bonuses).toEqual({ B1: { count: 1, comment: '' } });
    expect(m.vetoes).toEqual({ V1: { on: false, note: '' } });
  });

  it('sends scores only for awarded items, members only when scored, fed counts only when overridden', () => {
    const m = sheetModel(definition, saved, [{ personId: OTHER, name: '李副局长' }]);
    const sheet = toSheet(definition, m);
    expect(sheet.items).toEqual([
      { indicator: '1.1', members: [{ personId: LEADER, score: 8 }] },
      { indicator: '1.2', score: 0, comment: '未开展', attachmentIds: ['0190a5a0-0000-7000-8000-0000000000e1'] },
      { indicator: '1.3' },
      { indicator: '2.1', occurrences: [{ rule: '2.1-1', count: 1 }] },
    ]);
    expect(sheet.bonuses).toEqual([{ rule: 'B1', count: 1 }]);
    expect(sheet.vetoes).toEqual([]);
    expect(sheet.remark).toBe('总体完成');

    m.rows['1.3']!.occurrences['1.3-1'] = 1;
    m.rows['1.3']!.comment = '两项已于期限前完成，系统记录有误';
    m.vetoes.V1 = { on: true, note: '严重违纪一起' };
    const changed = toSheet(definition, m);
    expect(changed.items[2]).toEqual({ indicator: '1.3', occurrences: [{ rule: '1.3-1', count: 1 }], comment: '两项已于期限前完成，系统记录有误' });
    expect(changed.vetoes).toEqual([{ code: 'V1', note: '严重违纪一起' }]);
  });

  it('finds what the server would refuse before saving', () => {
    const m = sheetModel(definition, saved);
    expect(sheetProblems(definition, m)).toEqual([]);
    m.rows['1.2']!.score = 10.5;
    m.rows['1.1']!.members[0]!.score = 7.125;
    m.rows['1.3']!.occurrences['1.3-1'] = 0;
    m.vetoes.V1 = { on: true, note: ' ' };
    expect(sheetProblems(definition, m)).toEqual([
      { indicator: '1.1', problem: 'decimals' },
      { indicator: '1.2', problem: 'scoreAboveMax' },
      { indicator: '1.3', problem: 'overrideNeedsComment' },
      { indicator: 'V1', problem: 'vetoNeedsNote' },
    ]);
  });
});
