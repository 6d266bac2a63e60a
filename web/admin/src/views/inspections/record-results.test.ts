import { describe, expect, it } from 'vitest';
import type { InspectionRecord } from '../../api/inspections';
import { draftsOf, missingSeqs, resultsBody, tally, titleFrom } from './record-results';

const id = (n: number) => `0190a5a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const line = (n: number, result: InspectionRecord['results'][number]['result'], photos = 0): InspectionRecord['results'][number] => ({
  itemId: id(n), seq: n, text: `检查项 ${n}`, result, note: result === 'fail' ? '未见公函' : '',
  photos: Array.from({ length: photos }, (_, i) => ({ id: id(100 + i), name: `照片${i}.jpg`, mime: 'image/jpeg', size: 2048 })),
});

describe('record results', () => {
  it('sends every answered item with its note, and only photos not yet claimed', () => {
    const drafts = draftsOf({ results: [line(1, 'pass', 1), line(2, 'fail'), line(3, null)] });
    drafts[0]!.pending.push({ id: id(200), name: '现场.jpg' });
    drafts[1]!.note = '  接待无公函  ';
    const { body, unanswered } = resultsBody(drafts, ' 总体良好 ', false);
    expect(body).toEqual({
      summary: '总体良好',
      results: [
        { itemId: id(1), result: 'pass', note: '', photoIds: [id(200)] },
        { itemId: id(2), result: 'fail', note: '接待无公函' },
      ],
    });
    expect(unanswered).toEqual([]);
  });

  it('names items that carry a note or photo but no answer, and marks a submission', () => {
    const drafts = draftsOf({ results: [line(1, 'pass'), line(2, null), line(3, null)] });
    drafts[1]!.note = '待核实';
    drafts[2]!.pending.push({ id: id(300), name: 'a.png' });
    const { body, unanswered } = resultsBody(drafts, '', true);
    expect(unanswered).toEqual([2, 3]);
    expect(body.submit).toBe(true);
    expect(body.results.map((r) => r.itemId)).toEqual([id(1)]);
  });

  it('counts answers and lists what is still open', () => {
    const drafts = draftsOf({ results: [line(1, 'pass'), line(2, 'fail'), line(3, 'na'), line(4, null), line(5, 'pass')] });
    expect(tally(drafts)).toEqual({ pass: 2, fail: 1, na: 1, open: 1 });
    expect(missingSeqs(drafts)).toEqual([4]);
  });

  it('proposes a title a rectification accepts', () => {
    expect(titleFrom('公务接待无公函\n共 3 次，涉及金额 4,200 元')).toBe('公务接待无公函');
    expect(titleFrom('"车辆" <私用>; 未登记')).toBe('车辆 私用 未登记');
    expect(titleFrom('（节日期间）违规发放购物卡，共计十二人次，涉及金额较大，已责令退回并作出深刻检查说明').length).toBe(40);
  });
});
