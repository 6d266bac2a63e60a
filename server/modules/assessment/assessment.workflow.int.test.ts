import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftOf } from '../../platform/storage/attachments.cases.js';
import { createWorld, type World } from '../../test/world.js';
import { fullSheet, publishedRubric, unitAssessment } from './assessment.fixtures.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const A = '/api/assessment/assessments';
const code = (res: { body: string }) => (JSON.parse(res.body) as { error?: { code: string; params?: Record<string, unknown> } }).error;

async function leaderRow(personId: string): Promise<void> {
  const res = await w.as('orgOfficer').post('/api/leaders', { personId, title: '党总支委员', overseesOrgIds: [w.orgs.unitA] });
  expect(res.statusCode, res.body).toBe(201);
}

describe('unit assessment: 自评 → 初评 → 定等次 → locked', () => {
  let id: string;
  const members = () => [w.users.secretary.personId!, w.users.discipline.personId!, w.users.orgOfficer.personId!];

  it('自评 with evidence: totals computed by the server, members averaged', async () => {
    id = await unitAssessment(w, 'self');
    const photo = await draftOf(w, 'branchSecretary');
    const sheet = fullSheet([]);
    sheet.items = sheet.items.map((i) =>
      i.indicator === '1.7'
        ? { indicator: '1.7', members: [{ personId: members()[0]!, score: 9 }, { personId: members()[1]!, score: 8 }, { personId: members()[2]!, score: 8 }] }
        : i.indicator === '1.1' ? { ...i, attachmentIds: [photo], comment: '印发了实施方案' } : i,
    ) as typeof sheet.items;
    const res = await w.as('branchSecretary').put(`${A}/${id}/self`, { ...sheet, remark: '对照细则逐项自查' });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    // 40 − 10 + 8.33 (the members' mean) + 60 = 98.33
    expect(a.selfTotal).toBe(98.33);
    expect(a.selfScore.indicators.find((i: { code: string }) => i.code === '1.7').score).toBe(8.33);
    expect(a.self.items.find((i: { indicator: string }) => i.indicator === '1.1').evidence.map((e: { id: string }) => e.id)).toEqual([photo]);
    expect(a.self.items.find((i: { indicator: string }) => i.indicator === '1.7').members.map((m: { name: string }) => m.name)).toEqual(['secretary同志', 'discipline同志', 'orgOfficer同志']);
    expect(a.actions).toEqual(['save_self', 'submit_self']);
    // The evidence is the assessment's now: a reader of the assessment may download it.
    expect((await w.as('orgOfficer').get(`/api/attachments/${photo}`)).statusCode).toBe(200);
  });

  it('refuses a sheet that does not fit the rubric, storing nothing', async () => {
    const bad = [
      [{ items: [{ indicator: '9.9', score: 1 }] }, 'items/0/indicator'],
      [{ items: [{ indicator: '1.1', score: 4 }] }, 'items/0/score'],
      [{ items: [{ indicator: '1.1', score: 1.234 }] }, 'items/0/score'],
      [{ items: [{ indicator: '1.3', score: 1 }] }, 'items/0/score'],
      [{ items: [{ indicator: '1.1', members: [{ personId: members()[0], score: 3 }] }] }, 'items/0/members'],
      [{ items: [{ indicator: '1.8', occurrences: [{ rule: '1.8a', count: 0 }] }] }, 'items/0/comment'],
      [{ items: [{ indicator: '1.8', occurrences: [{ rule: '1.6a', count: 1 }] }] }, 'items/0/occurrences/0/rule'],
      [{ items: [], vetoes: [{ code: 'V9', note: '无' }] }, 'vetoes/0/code'],
      [{ items: [], bonuses: [{ rule: 'B1', count: 1 }, { rule: 'B1', count: 2 }] }, 'bonuses/1/rule'],
      [{ items: [{ indicator: '1.7', members: [{ personId: w.tenantId, score: 3 }] }] }, 'members'],
    ] as const;
    const before = (await w.as('branchSecretary').get(`${A}/${id}`)).json();
    for (const [body, field] of bad) {
      const res = await w.as('branchSecretary').put(`${A}/${id}/self`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(code(res)?.params?.field, JSON.stringify(body)).toBe(field);
    }
    expect((await w.as('branchSecretary').get(`${A}/${id}`)).json().self).toEqual(before.self);
  });

  it('keeps each side to its own step', async () => {
    expect((await w.as('orgOfficer').put(`${A}/${id}/review`, { items: [] })).statusCode).toBe(409);
    expect((await w.as('orgOfficer').post(`${A}/${id}/submit-review`)).statusCode).toBe(409);
    expect(code(await w.as('secretary').post(`${A}/${id}/approve`, {}))?.code).toBe('STATE_INVALID');
  });

  it('the 考核小组 starts from the 自评 figures and scores item by item with comments', async () => {
    expect((await w.as('branchSecretary').post(`${A}/${id}/submit-self`)).statusCode).toBe(200);
    const start = (await w.as('orgOfficer').get(`${A}/${id}`)).json();
    expect([start.status, start.reviewTotal, start.review.savedBy]).toEqual(['review', 98.33, null]);
    expect(start.actions).toEqual(['save_review', 'submit_review', 'return', 'refresh_feeds']);
    expect(code(await w.as('branchSecretary').put(`${A}/${id}/self`, { items: [] }))?.code).toBe('STATE_INVALID');

    const review = start.review.items.map((i: { indicator: string; score: number | null; members: { personId: string; score: number }[]; evidence: { id: string }[] }) => ({
      indicator: i.indicator,
      ...(i.score !== null && { score: i.score }),
      ...(i.members.length && { members: i.members.map((m) => ({ personId: m.personId, score: m.score })) }),
      ...(i.evidence.length && { attachmentIds: i.evidence.map((e) => e.id) }),
    }));
    const res = await w.as('orgOfficer').put(`${A}/${id}/review`, {
      items: [
        ...review.filter((i: { indicator: string }) => i.indicator !== '2.1'),
        { indicator: '2.1', score: 22, comment: '公务接待清单不全' },
        { indicator: '1.6', occurrences: [{ rule: '1.6a', count: 5 }], comment: '一把手未书面报告五次' },
      ],
      bonuses: [{ rule: 'B1', count: 2 }],
      remark: '经听取汇报、个别访谈，初评如下',
    });
    expect(res.statusCode, res.body).toBe(200);
    // 98.33 − 8 (2.1) − 3 (1.6, five times −1 capped at 3) + 5 (B1, 2 × 5 capped at 5) = 92.33
    expect(res.json().reviewTotal).toBe(92.33);
    expect(res.json().review.items.find((i: { indicator: string }) => i.indicator === '2.1').comment).toBe('公务接待清单不全');
    expect(res.json().selfTotal).toBe(98.33);
  });

  it('定等次: never higher than the thresholds give, lower only with a reason', async () => {
    expect((await w.as('orgOfficer').post(`${A}/${id}/submit-review`)).statusCode).toBe(200);
    expect(code(await w.as('secretary').post(`${A}/${id}/approve`, { grade: 'excellent' }))).toBeUndefined();
    // The previous call succeeded: 92.33 with no zero item is 优秀.
    const a = (await w.as('secretary').get(`${A}/${id}`)).json();
    expect([a.status, a.grade, a.finalTotal, a.approval.computedGrade, a.approval.by]).toEqual(['approved', 'excellent', 92.33, 'excellent', 'secretary']);
    expect(a.timeline.map((e: { kind: string }) => e.kind)).toEqual(['launched', 'self_saved', 'self_submitted', 'review_saved', 'review_submitted', 'approved']);
    expect(a.actions).toEqual([]);
  });

  it('an approved assessment answers 409 ASSESSMENT_LOCKED to every change', async () => {
    const attempts = [
      w.as('branchSecretary').put(`${A}/${id}/self`, { items: [] }),
      w.as('branchSecretary').post(`${A}/${id}/submit-self`),
      w.as('orgOfficer').put(`${A}/${id}/review`, { items: [] }),
      w.as('orgOfficer').post(`${A}/${id}/submit-review`),
      w.as('orgOfficer').post(`${A}/${id}/refresh-feeds`),
      w.as('orgOfficer').post(`${A}/${id}/return`, { note: '重新评分' }),
      w.as('secretary').post(`${A}/${id}/approve`, { grade: 'good', note: '改判' }),
      w.as('secretary').post(`${A}/${id}/return`, { note: '重新评分' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(409);
      expect(code(res)?.code).toBe('ASSESSMENT_LOCKED');
    }
    expect((await w.as('secretary').get(`${A}/${id}`)).json().grade).toBe('excellent');
  });

  it('the database itself refuses to change an approved assessment or its sheets', async () => {
    await expect(w.deps.db.updateTable('assessment').set({ grade: 'fail' }).where('id', '=', id).execute()).rejects.toThrow(/frozen/);
    await expect(w.deps.db.updateTable('assessment_sheet').set({ data: '{"items":[]}' }).where('assessment_id', '=', id).execute()).rejects.toThrow(/frozen/);
    await expect(w.deps.db.deleteFrom('assessment_sheet').where('assessment_id', '=', id).execute()).rejects.toThrow(/frozen/);
  });
});

describe('grades below the thresholds and returns', () => {
  it('a lower grade needs a reason; a veto makes 不合格', async () => {
    const id = await unitAssessment(w, 'review');
    const veto = await w.as('discipline').put(`${A}/${id}/review`, { ...fullSheet([]), vetoes: [{ code: 'V1', note: '发生严重违纪案件' }] });
    expect(veto.json().reviewScore.grade).toBe('fail');
    const clean = await w.as('discipline').put(`${A}/${id}/review`, fullSheet([w.users.secretary.personId!]));
    expect([clean.json().reviewTotal, clean.json().reviewScore.grade]).toEqual([100, 'excellent']);
    await w.as('discipline').post(`${A}/${id}/submit-review`);
    expect(code(await w.as('secretary').post(`${A}/${id}/approve`, { grade: 'good' }))?.params?.field).toBe('note');
    const res = await w.as('secretary').post(`${A}/${id}/approve`, { grade: 'good', note: '民主测评结果一般' });
    expect([res.json().grade, res.json().approval.computedGrade, res.json().approval.note]).toEqual(['good', 'excellent', '民主测评结果一般']);
  });

  it('refuses a grade higher than the thresholds give', async () => {
    const id = await unitAssessment(w, 'review');
    await w.as('orgOfficer').put(`${A}/${id}/review`, { items: [{ indicator: '2.1', score: 30 }] });
    await w.as('orgOfficer').post(`${A}/${id}/submit-review`);
    // 80 with zero items is 良好 at most.
    const res = await w.as('secretary').post(`${A}/${id}/approve`, { grade: 'excellent', note: '表现突出' });
    expect(res.statusCode).toBe(400);
    expect(code(res)?.params?.field).toBe('grade');
  });

  it('returns one stage back: 定等次 → 初评 → 自评, keeping the 考核小组 sheet', async () => {
    const id = await unitAssessment(w, 'grading');
    await w.as('orgOfficer').put(`${A}/${id}/review`, { items: [] }).then((r) => expect(r.statusCode).toBe(409));
    expect(code(await w.as('orgOfficer').post(`${A}/${id}/return`, { note: '退回' }))?.code).toBe('STATE_INVALID');
    const back = await w.as('secretary').post(`${A}/${id}/return`, { note: '部分扣分依据不足，请考核小组复核' });
    expect(back.json().status).toBe('review');
    expect(code(await w.as('secretary').post(`${A}/${id}/return`, { note: '再退' }))?.code).toBe('STATE_INVALID');
    await w.as('orgOfficer').put(`${A}/${id}/review`, { items: [{ indicator: '1.1', score: 1, comment: '方案不全' }] });
    const self = await w.as('orgOfficer').post(`${A}/${id}/return`, { note: '请补充佐证' });
    expect(self.json().status).toBe('self');
    await w.as('branchSecretary').post(`${A}/${id}/submit-self`);
    const again = (await w.as('orgOfficer').get(`${A}/${id}`)).json();
    expect(again.review.items).toEqual([expect.objectContaining({ indicator: '1.1', score: 1, comment: '方案不全' })]);
    expect(again.timeline.filter((e: { kind: string }) => e.kind === 'returned').map((e: { note: string }) => e.note)).toEqual(['部分扣分依据不足，请考核小组复核', '请补充佐证']);
  });

  it('two 定等次 sent at once: one approves, the other finds it locked', async () => {
    const id = await unitAssessment(w, 'grading');
    const results = await Promise.all([
      w.as('secretary').post(`${A}/${id}/approve`, {}),
      w.as('secretary').post(`${A}/${id}/approve`, { grade: 'good', note: '从严把握' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(code(results.find((r) => r.statusCode === 409)!)?.code).toBe('ASSESSMENT_LOCKED');
    const events = (await w.as('secretary').get(`${A}/${id}`)).json().timeline.filter((e: { kind: string }) => e.kind === 'approved');
    expect(events).toHaveLength(1);
  });

  it('submitting 自评 needs a saved sheet', async () => {
    const id = await unitAssessment(w, 'self');
    expect(code(await w.as('branchSecretary').post(`${A}/${id}/submit-self`))?.params?.field).toBe('self');
  });
});

describe('leader assessments', () => {
  it('only the leader self-assesses, nobody reviews their own, launching a non-leader is refused', async () => {
    await leaderRow(w.users.branchSecretary.personId!);
    await leaderRow(w.users.orgOfficer.personId!);
    const rubricId = await publishedRubric(w, 2026, 'leader');
    const notLeader = await w.as('orgOfficer').post(`/api/assessment/rubrics/${rubricId}/assessments`, { personIds: [w.users.staff.personId] });
    expect(code(notLeader)?.params?.field).toBe('personIds');
    const asOrgs = await w.as('orgOfficer').post(`/api/assessment/rubrics/${rubricId}/assessments`, { orgIds: [w.orgs.branch1] });
    expect(code(asOrgs)?.params?.field).toBe('orgIds');
    const launched = await w.as('orgOfficer').post(`/api/assessment/rubrics/${rubricId}/assessments`, {
      personIds: [w.users.branchSecretary.personId, w.users.orgOfficer.personId],
    });
    expect(launched.statusCode, launched.body).toBe(200);
    const items = launched.json().items as { id: string; subject: { id: string; name: string }; org: { id: string } }[];
    expect(items.map((i) => i.subject.name).sort()).toEqual(['branchSecretary同志', 'orgOfficer同志']);
    const mine = items.find((i) => i.subject.id === w.users.branchSecretary.personId)!;
    const officers = items.find((i) => i.subject.id === w.users.orgOfficer.personId)!;
    expect(mine.org.id).toBe(w.orgs.branch1);

    // Launching again leaves existing subjects alone.
    const again = await w.as('orgOfficer').post(`/api/assessment/rubrics/${rubricId}/assessments`, { personIds: [w.users.branchSecretary.personId] });
    expect(again.json().items).toEqual([]);

    expect((await w.as('branchSecretary').put(`${A}/${mine.id}/self`, fullSheet([]))).statusCode).toBe(200);
    expect((await w.as('branchSecretary').post(`${A}/${mine.id}/submit-self`)).statusCode).toBe(200);
    // The org officer is a leader too: his own assessment is not his to review, the 纪检委员 reviews it.
    expect(code(await w.as('orgOfficer').post(`${A}/${officers.id}/refresh-feeds`))?.code).toBe('FORBIDDEN');
    expect((await w.as('discipline').post(`${A}/${officers.id}/refresh-feeds`)).statusCode).toBe(200);
    expect((await w.as('orgOfficer').get(`${A}/${officers.id}`)).json().actions).toEqual([]);
    expect((await w.as('orgOfficer').put(`${A}/${mine.id}/review`, fullSheet([]))).statusCode).toBe(200);
  });
});

describe('lists, scope and rubric rules', () => {
  it('lists within scope with filters and paging', async () => {
    await unitAssessment(w, 'self', 'branch2');
    const mine = (await w.as('branchSecretary').get(`${A}?pageSize=200`)).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(new Set(mine.items.map((i: { org: { id: string } }) => i.org.id))).toEqual(new Set([w.orgs.branch1]));
    const all = (await w.as('orgOfficer').get(`${A}?pageSize=2&page=1&subjectKind=unit&orgId=${w.orgs.generalBranch}`)).json();
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    const approved = (await w.as('orgOfficer').get(`${A}?status=approved&grade=excellent&pageSize=200`)).json();
    expect(approved.items.every((i: { status: string; grade: string }) => i.status === 'approved' && i.grade === 'excellent')).toBe(true);
    expect((await w.as('staff').get(A)).statusCode).toBe(403);
  });

  it('checks a rubric beyond its schema and freezes it once published', async () => {
    const { sampleRubric } = await import('./assessment.fixtures.js');
    const base = sampleRubric();
    const variants: [(d: typeof base.definition) => void, string][] = [
      [(d) => (d.sections[1]!.indicators[0]!.code = '1.1'), 'definition/sections/1/indicators/0/code'],
      [(d) => (d.sections[0]!.indicators[0]!.maxScore = 41), 'definition/sections/0/indicators/0/maxScore'],
      [(d) => (d.sections[0]!.indicators[2]!.deductions[0]!.feed = 'no_such.feed'), 'definition/sections/0/indicators/2/deductions/0/feed'],
      [(d) => (d.sections[0]!.indicators[5]!.deductions[0]!.cap = 0.5), 'definition/sections/0/indicators/5/deductions/0/cap'],
      [(d) => (d.sections[0]!.indicators[6]!.scoring = 'deducted'), 'definition/sections/0/indicators/6/scoring'],
      [(d) => (d.bonuses[0]!.points = 0.125), 'definition/bonuses/0/points'],
      [(d) => (d.vetoes[0]!.code = 'B1'), 'definition/vetoes/0/code'],
    ];
    for (const [change, field] of variants) {
      const body = structuredClone(base);
      change(body.definition);
      const res = await w.as('orgOfficer').post('/api/assessment/rubrics', body);
      expect(res.statusCode, field).toBe(400);
      expect(code(res)?.params?.field).toBe(field);
    }
    expect(code(await w.as('unitOfficer').post('/api/assessment/rubrics', base))?.code).toBe('FORBIDDEN');

    const created = (await w.as('orgOfficer').post('/api/assessment/rubrics', base)).json();
    expect([created.status, created.maxTotal, created.actions]).toEqual(['draft', 100, ['edit', 'publish', 'copy']]);
    expect(code(await w.as('orgOfficer').post(`/api/assessment/rubrics/${created.id}/assessments`, { orgIds: [w.orgs.branch1] }))?.code).toBe('STATE_INVALID');
    const edited = await w.as('orgOfficer').put(`/api/assessment/rubrics/${created.id}`, { ...base, name: '修订稿' });
    expect(edited.json().name).toBe('修订稿');
    expect((await w.as('orgOfficer').post(`/api/assessment/rubrics/${created.id}/publish`)).json().status).toBe('published');
    expect(code(await w.as('orgOfficer').put(`/api/assessment/rubrics/${created.id}`, base))?.code).toBe('STATE_INVALID');
    await expect(w.deps.db.updateTable('assessment_rubric').set({ name: 'x' }).where('id', '=', created.id).execute()).rejects.toThrow(/frozen/);
    const copy = await w.as('discipline').post(`/api/assessment/rubrics/${created.id}/copy`, { year: 2027 });
    expect([copy.statusCode, copy.json().year, copy.json().status, copy.json().name]).toEqual([201, 2027, 'draft', '修订稿']);
    const list = (await w.as('branchSecretary').get('/api/assessment/rubrics?year=2027')).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(copy.json().id);
  });
});
