import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText, readWorkbook } from '../../platform/excel/excel.js';
import { createWorld, type World } from '../../test/world.js';
import { fullSheet, unitAssessment } from './assessment.fixtures.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const A = '/api/assessment';

/** 第一党支部 through 初评 to 定等次 with the 考核小组 taking `minus` points off 2.1. */
async function approved(year: number, minus: number): Promise<string> {
  const id = await unitAssessment(w, 'review', 'branch1', year);
  const sheet = fullSheet([w.users.secretary.personId!]);
  const items = sheet.items.map((i) => (i.indicator === '2.1' ? { indicator: '2.1', score: 30 - minus, comment: '扣分' } : i));
  expect((await w.as('orgOfficer').put(`${A}/assessments/${id}/review`, { items })).statusCode).toBe(200);
  expect((await w.as('orgOfficer').post(`${A}/assessments/${id}/submit-review`)).statusCode).toBe(200);
  const res = await w.as('secretary').post(`${A}/assessments/${id}/approve`, {});
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

async function sheetRows(url: string): Promise<string[][]> {
  const res = await w.as('orgOfficer').get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const ws = (await readWorkbook(res.rawPayload)).worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((_, i) => cellText(row.getCell(i + 1)))));
  return rows;
}

describe('performance pay and year over year', () => {
  beforeAll(async () => {
    await approved(2025, 12.5);
    await approved(2026, 2);
    // Not approved: never exported, never compared.
    await unitAssessment(w, 'grading', 'branch1', 2026);
  });

  it('exports the approved results of a year with the coefficient of each grade', async () => {
    const rows = await sheetRows(`${A}/export.xlsx?year=2026`);
    expect(rows[0]).toEqual(['年度', '考核对象类别', '单位/姓名', '所在单位', '考核细则', '考核得分', '考核等次', '绩效系数', '定等次时间']);
    expect(rows.slice(1).map((r) => r.slice(0, 8))).toEqual([['2026', '单位', '第一党支部', '第一党支部', '2026年度党风廉政建设责任制考核细则', '98', '优秀', '1.2']]);
    const en = await sheetRows(`${A}/export.xlsx?year=2025&lang=en-US`);
    expect(en[0]!.slice(5, 8)).toEqual(['Score', 'Grade', 'Pay coefficient']);
    expect(en.slice(1).map((r) => r.slice(5, 8))).toEqual([['87.5', 'Good', '1']]);
  });

  it('takes the coefficients and the grade thresholds from the settings', async () => {
    const put = await w.as('sysadmin').put('/api/settings/system.assessment.payCoefficients', { value: { excellent: 1.5, good: 1.1, pass: 0.9, fail: 0 } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await sheetRows(`${A}/export.xlsx?year=2026`))[1]![7]).toBe('1.5');
    const bad = await w.as('sysadmin').put('/api/settings/system.assessment.payCoefficients', { value: { excellent: -1, good: 1, pass: 1, fail: 0 } });
    expect(bad.statusCode).toBe(400);

    const rules = await w.as('sysadmin').put('/api/settings/system.assessment.gradeRules', {
      value: { excellent: { minScore: 99, maxZeroItems: 0 }, good: { minScore: 80, maxZeroItems: 1 }, pass: { minScore: 60, maxZeroItems: null } },
    });
    expect(rules.statusCode, rules.body).toBe(200);
    const id = await unitAssessment(w, 'grading', 'branch1', 2026);
    const a = (await w.as('secretary').get(`${A}/assessments/${id}`)).json();
    // The fixture 自评 scores 1.7 with one member at 10: 100 points, no zero item — still 优秀 at 99.
    expect([a.reviewTotal, a.reviewScore.grade]).toEqual([100, 'excellent']);
    await w.as('secretary').post(`${A}/assessments/${id}/return`, { note: '复核' });
    await w.as('orgOfficer').put(`${A}/assessments/${id}/review`, { items: fullSheet([]).items.map((i) => (i.indicator === '2.1' ? { indicator: '2.1', score: 29 } : i)) });
    const b = (await w.as('orgOfficer').get(`${A}/assessments/${id}`)).json();
    // 1.7 unscored (a zero item) and 2.1 at 29: 89 with one zero item is 良好 under these rules.
    expect([b.reviewTotal, b.reviewScore.grade, b.reviewScore.zeroItems]).toEqual([89, 'good', ['1.7']]);
  });

  it('compares the same subject across years', async () => {
    const res = await w.as('branchSecretary').get(`${A}/compare?fromYear=2024&toYear=2026&subjectKind=unit`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      years: [2024, 2025, 2026],
      rows: [{ subject: { id: w.orgs.branch1, name: '第一党支部' }, subjectKind: 'unit', results: [null, { total: 87.5, grade: 'good' }, { total: 98, grade: 'excellent' }], change: 10.5 }],
    });
    expect((await w.as('orgOfficer').get(`${A}/compare?fromYear=2024&toYear=2026&subjectKind=leader`)).json().rows).toEqual([]);
    expect((await w.as('unitOfficer').get(`${A}/compare?fromYear=2024&toYear=2026&subjectKind=unit`)).json().rows).toEqual([]);
    expect((await w.as('orgOfficer').get(`${A}/compare?fromYear=2026&toYear=2025&subjectKind=unit`)).statusCode).toBe(400);
    expect((await w.as('orgOfficer').get(`${A}/compare?fromYear=2010&toYear=2026&subjectKind=unit`)).statusCode).toBe(400);
  });

  it('exports only what the caller may read', async () => {
    const res = await w.as('unitOfficer').get(`${A}/export.xlsx?year=2026`);
    const ws = (await readWorkbook(res.rawPayload)).worksheets[0]!;
    expect(ws.rowCount).toBe(1);
  });
});
