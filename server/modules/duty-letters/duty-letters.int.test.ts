import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DutyBoard, DutyLetterPage, DutyLetterTemplate, MyDutyLetters } from '../../../contracts/duty-letters.js';
import { readWorkbook, cellText } from '../../platform/excel/excel.js';
import { FakeClock } from '../../platform/clock/clock.js';
import { createWorld, type World } from '../../test/world.js';
import { getLetter, issueLetter, makeTemplate, scratchOrg, sign, signedLetter } from './duty-letters.fixture.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

const count = async (table: 'duty_letter' | 'duty_letter_party' | 'duty_letter_template') =>
  Number((await w.deps.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', w.tenantId).executeTakeFirstOrThrow()).n);

describe('templates', () => {
  it('are created, listed, found, edited, and deleted only while unused', async () => {
    const id = await makeTemplate(w);
    const list = (await w.as('staff').get('/api/duty-letter-templates?q=责任书模板&level=unit')).json();
    expect(list.items.map((t: DutyLetterTemplate) => t.id)).toContain(id);
    const patched = await w.as('discipline').patch(`/api/duty-letter-templates/${id}`, { name: '改名模板', duties: ['只有一条'] });
    expect(patched.statusCode, patched.body).toBe(200);
    const t = (await w.as('secretary').get(`/api/duty-letter-templates/${id}`)).json() as DutyLetterTemplate;
    expect(t).toMatchObject({ name: '改名模板', duties: ['只有一条'], letterCount: 0, signatureLabels: ['甲方（签字）', '乙方（签字）', '丙方（签字）'] });
    await issueLetter(w, ['secretary', 'unitOfficer'], { templateId: id });
    expect((await w.as('orgOfficer').delete(`/api/duty-letter-templates/${id}`)).json().error.code).toBe('STATE_INVALID');
    const unused = await makeTemplate(w);
    expect((await w.as('orgOfficer').delete(`/api/duty-letter-templates/${unused}`)).statusCode).toBe(200);
    expect((await w.as('orgOfficer').get(`/api/duty-letter-templates/${unused}`)).statusCode).toBe(404);
  });
});

describe('issuing', () => {
  it('fills the template with the year and org, numbers the letter and hashes its content', async () => {
    const org = await scratchOrg(w);
    const templateId = await makeTemplate(w);
    const res = await w.as('orgOfficer').post('/api/duty-letters/issue', {
      year: 2031,
      letters: [{ templateId, level: 'section', orgId: org, partyPersonIds: [w.users.secretary.personId, w.users.unitOfficer.personId] }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const letter = await getLetter(w, res.json().ids[0]);
    const orgName = (await w.as('orgOfficer').get(`/api/orgs/${org}`)).json().name as string;
    expect(letter.title).toBe(`2031年度${orgName}党风廉政建设责任书`);
    expect(letter.duties[1]).toBe('2031年内至少开展2次专题调研。');
    expect(letter.code).toMatch(/^ZRS-2031-\d{4}$/);
    expect(letter.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(letter).toMatchObject({ status: 'issued', signedCount: 0, partyCount: 2, actions: ['edit', 'withdraw'] });
    expect(letter.parties.map((p) => [p.seq, p.label, p.person.id])).toEqual([
      [1, '甲方（签字）', w.users.secretary.personId],
      [2, '乙方（签字）', w.users.unitOfficer.personId],
    ]);
  });

  it('refuses a second current letter for the same org, year and parties, in any order, storing nothing', async () => {
    const org = await scratchOrg(w);
    const templateId = await makeTemplate(w);
    const body = (ids: (string | null)[]) => ({ year: 2026, letters: [{ templateId, level: 'section', orgId: org, partyPersonIds: ids }] });
    expect((await w.as('orgOfficer').post('/api/duty-letters/issue', body([w.users.secretary.personId, w.users.staff.personId]))).statusCode).toBe(201);
    const before = await count('duty_letter');
    const again = await w.as('orgOfficer').post('/api/duty-letters/issue', body([w.users.staff.personId, w.users.secretary.personId]));
    expect(again.json().error.code).toBe('DUPLICATE');
    expect(await count('duty_letter')).toBe(before);
  });

  it('lets only one of two batches sent at once issue the same letter', async () => {
    const org = await scratchOrg(w);
    const templateId = await makeTemplate(w);
    const body = { year: 2026, letters: [{ templateId, level: 'section', orgId: org, partyPersonIds: [w.users.secretary.personId, w.users.staff.personId] }] };
    const results = await Promise.all([w.as('orgOfficer').post('/api/duty-letters/issue', body), w.as('discipline').post('/api/duty-letters/issue', body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await w.as('orgOfficer').get(`/api/duty-letters?orgId=${org}`)).json().total).toBe(1);
  });

  it('issues all or nothing: a party without an account fails the whole batch', async () => {
    const templateId = await makeTemplate(w);
    const person = await w.as('orgOfficer').post('/api/people', { name: '无账号人员', gender: 'female', politicalStatus: 'cpc_member', primaryOrgId: w.orgs.office });
    expect(person.statusCode, person.body).toBe(201);
    const [a, b] = [await scratchOrg(w), await scratchOrg(w)];
    const before = [await count('duty_letter'), await count('duty_letter_party')];
    const res = await w.as('orgOfficer').post('/api/duty-letters/issue', {
      year: 2026,
      letters: [
        { templateId, level: 'section', orgId: a, partyPersonIds: [w.users.secretary.personId, w.users.staff.personId] },
        { templateId, level: 'section', orgId: b, partyPersonIds: [w.users.secretary.personId, person.json().id] },
      ],
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'DUTY_PARTY_NO_ACCOUNT', params: { personId: person.json().id } });
    expect([await count('duty_letter'), await count('duty_letter_party')]).toEqual(before);
  });

  it('needs more signature blocks than parties, and the org inside the issuer’s scope', async () => {
    const two = await makeTemplate(w, 2);
    const three = [w.users.secretary.personId, w.users.staff.personId, w.users.discipline.personId];
    const r1 = await w.as('orgOfficer').post('/api/duty-letters/issue', { year: 2026, letters: [{ templateId: two, level: 'section', orgId: await scratchOrg(w), partyPersonIds: three }] });
    expect(r1.json().error.code).toBe('VALIDATION_FAILED');
    const r2 = await w.as('unitOfficer').post('/api/duty-letters/issue', { year: 2026, letters: [{ templateId: two, level: 'section', orgId: w.orgs.office, partyPersonIds: three.slice(0, 2) }] });
    expect(r2.statusCode).toBe(403);
    const r3 = await w.as('unitOfficer').post('/api/duty-letters/issue', { year: 2026, letters: [{ templateId: two, level: 'section', orgId: w.orgs.unitASection, partyPersonIds: three.slice(0, 2) }] });
    expect(r3.statusCode, r3.body).toBe(201);
  });
});

describe('signing', () => {
  it('each party signs once over the hash they were shown; the last makes the letter signed', async () => {
    const id = await issueLetter(w, ['secretary', 'unitOfficer', 'staff']);
    const wrong = await w.as('staff').post(`/api/duty-letters/${id}/sign`, { contentHash: '0'.repeat(64) });
    expect(wrong.json().error).toMatchObject({ code: 'STATE_INVALID', params: { state: 'content_changed' } });
    const outsider = await w.as('branchSecretary').post(`/api/duty-letters/${id}/sign`, { contentHash: (await getLetter(w, id)).contentHash });
    expect(outsider.statusCode).toBe(404);
    const notParty = await w.as('discipline').post(`/api/duty-letters/${id}/sign`, { contentHash: (await getLetter(w, id)).contentHash });
    expect(notParty.statusCode).toBe(403);

    const first = await sign(w, id, 'staff');
    expect(first).toMatchObject({ status: 'signing', signedCount: 1, signedAt: null });
    expect(first.parties.find((p) => p.mine)?.signedAt).not.toBeNull();
    expect(first.actions).not.toContain('sign');
    const twice = await w.as('staff').post(`/api/duty-letters/${id}/sign`, { contentHash: first.contentHash });
    expect(twice.json().error).toMatchObject({ code: 'STATE_INVALID', params: { state: 'signed' } });

    await sign(w, id, 'secretary');
    w.clock.advanceMinutes(3);
    const done = await sign(w, id, 'unitOfficer');
    expect(done).toMatchObject({ status: 'signed', signedCount: 3 });
    expect(done.signedAt).toBe(done.parties.find((p) => p.mine)!.signedAt);
    expect(done.signatures).toHaveLength(3);
    expect(done.signatures.every((s) => s.valid)).toBe(true);
    expect(new Set(done.signatures.map((s) => s.publicKey)).size).toBe(3);
    expect((await getLetter(w, id)).actions).toEqual(['revise']);
  });

  it('ends signed when every party signs at the same moment (the letter row is locked while a signature decides the status)', async () => {
    const id = await issueLetter(w, ['secretary', 'staff', 'discipline']);
    const { contentHash } = await getLetter(w, id);
    const results = await Promise.all((['secretary', 'staff', 'discipline'] as const).map((u) => w.as(u).post(`/api/duty-letters/${id}/sign`, { contentHash })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(await getLetter(w, id)).toMatchObject({ status: 'signed', signedCount: 3 });
  });

  it('lists the caller’s own letters, those waiting for them first, and only theirs', async () => {
    const waiting = await issueLetter(w, ['branchSecretary', 'secretary']);
    const done = await issueLetter(w, ['branchSecretary', 'secretary']);
    await sign(w, done, 'branchSecretary');
    const mine = (await w.as('branchSecretary').get('/api/duty-letters/mine')).json() as MyDutyLetters;
    const ids = mine.items.map((l) => l.id);
    expect(ids).toContain(waiting);
    expect(ids).toContain(done);
    expect(ids.indexOf(waiting)).toBeLessThan(ids.indexOf(done));
    expect(mine.items.every((l) => l.parties.some((p) => p.mine && p.person.id === w.users.branchSecretary.personId))).toBe(true);
    const pending = (await w.as('branchSecretary').get('/api/duty-letters/mine?pending=true')).json() as MyDutyLetters;
    expect(pending.items.map((l) => l.id)).toContain(waiting);
    expect(pending.items.map((l) => l.id)).not.toContain(done);
  });

  it('flags a signature whose letter was changed behind the system’s back', async () => {
    const id = await issueLetter(w, ['secretary', 'staff']);
    await sign(w, id, 'staff');
    // Only the letter's content triggers guard a partly signed letter; its party names are outside them.
    await w.deps.db.updateTable('duty_letter_party').set({ person_name: '冒名' }).where('tenant_id', '=', w.tenantId).where('letter_id', '=', id).where('signed_at', 'is', null).execute();
    const letter = await getLetter(w, id);
    expect(letter.signatures.map((s) => s.valid)).toEqual([false]);
  });
});

describe('a signed letter', () => {
  it('cannot be edited or withdrawn through the API; an unsigned one can', async () => {
    const open = await issueLetter(w, ['secretary', 'staff']);
    const issuedHash = (await getLetter(w, open)).contentHash;
    const edited = await w.as('orgOfficer').patch(`/api/duty-letters/${open}`, { duties: ['新的职责'] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().duties).toEqual(['新的职责']);
    expect(edited.json().contentHash).not.toBe(issuedHash);
    expect(edited.json().contentHash).toBe((await getLetter(w, open)).contentHash);

    const partly = await issueLetter(w, ['secretary', 'staff']);
    await sign(w, partly, 'secretary');
    const signed = await signedLetter(w, ['secretary', 'staff']);
    for (const id of [partly, signed]) {
      const before = await getLetter(w, id);
      const patch = await w.as('orgOfficer').patch(`/api/duty-letters/${id}`, { title: '改过的标题' });
      expect(patch.statusCode).toBe(409);
      expect(patch.json().error.code).toBe('STATE_INVALID');
      expect((await w.as('orgOfficer').delete(`/api/duty-letters/${id}`)).statusCode).toBe(409);
      expect(await getLetter(w, id)).toEqual(before);
    }
    expect((await w.as('orgOfficer').delete(`/api/duty-letters/${open}`)).statusCode).toBe(200);
    expect((await w.as('orgOfficer').get(`/api/duty-letters/${open}`)).statusCode).toBe(404);
  });

  it('is refused by the database itself: content, status, signatures, deletion', async () => {
    const id = await signedLetter(w, ['secretary', 'staff']);
    const letter = () => w.deps.db.updateTable('duty_letter').where('tenant_id', '=', w.tenantId).where('id', '=', id);
    const party = () => w.deps.db.updateTable('duty_letter_party').where('tenant_id', '=', w.tenantId).where('letter_id', '=', id);
    await expect(letter().set({ title: '篡改' }).execute()).rejects.toThrow(/duty_letter is signed/);
    await expect(letter().set({ content_hash: 'f'.repeat(64) }).execute()).rejects.toThrow(/duty_letter is signed/);
    await expect(letter().set({ status: 'issued' }).execute()).rejects.toThrow(/duty_letter is signed/);
    await expect(party().set({ signature: '3000' }).execute()).rejects.toThrow(/duty_letter_party is signed/);
    await expect(w.deps.db.deleteFrom('duty_letter_party').where('tenant_id', '=', w.tenantId).where('letter_id', '=', id).execute()).rejects.toThrow(/is signed/);
    await expect(w.deps.db.deleteFrom('duty_letter').where('tenant_id', '=', w.tenantId).where('id', '=', id).execute()).rejects.toThrow(/is signed/);
    expect((await getLetter(w, id)).signatures.every((s) => s.valid)).toBe(true);

    const partly = await issueLetter(w, ['secretary', 'staff']);
    await sign(w, partly, 'staff');
    await expect(w.deps.db.updateTable('duty_letter').set({ duties: '[]' }).where('tenant_id', '=', w.tenantId).where('id', '=', partly).execute()).rejects.toThrow(/duty_letter is signed/);
    const open = await issueLetter(w, ['secretary', 'staff']);
    await w.deps.db.updateTable('duty_letter').set({ closing: '未签的可以改' }).where('tenant_id', '=', w.tenantId).where('id', '=', open).execute();
  });

  it('is changed by a revision: a new letter naming the old, which stays as signed and leaves the board', async () => {
    const old = await signedLetter(w, ['secretary', 'staff'], { year: 2040 });
    const before = await getLetter(w, old);
    const res = await w.as('orgOfficer').post(`/api/duty-letters/${old}/revise`, { reason: '职责调整', duties: ['调整后的职责'] });
    expect(res.statusCode, res.body).toBe(201);
    const rev = res.json();
    expect(rev).toMatchObject({ revisionOf: old, revisionReason: '职责调整', status: 'issued', duties: ['调整后的职责'], title: before.title });
    expect(rev.code).not.toBe(before.code);
    expect(rev.parties.map((p: { person: { id: string } }) => p.person.id)).toEqual(before.parties.map((p) => p.person.id));
    const after = await getLetter(w, old);
    expect({ ...after, supersededBy: null, actions: before.actions }).toEqual(before);
    expect(after.supersededBy).toBe(rev.id);
    expect(after.actions).toEqual([]);
    expect((await w.as('orgOfficer').post(`/api/duty-letters/${old}/revise`, { reason: '再改一次' })).json().error.code).toBe('STATE_INVALID');
    const list = (await w.as('orgOfficer').get('/api/duty-letters?year=2040')).json() as DutyLetterPage;
    expect(list.items.map((l) => l.id)).toEqual([rev.id]);
    const all = (await w.as('orgOfficer').get('/api/duty-letters?year=2040&includeSuperseded=true')).json() as DutyLetterPage;
    expect(all.items.map((l) => l.id).sort()).toEqual([old, rev.id].sort());
    expect((await w.as('orgOfficer').post(`/api/duty-letters/${rev.id}/revise`, { reason: '未签不能修订' })).statusCode).toBe(409);
  });
});

describe('reading', () => {
  it('keeps letters to the reader’s scope and to their parties', async () => {
    const inUnit = await issueLetter(w, ['secretary', 'discipline']);
    const office = await issueLetter(w, ['secretary', 'discipline'], { org: 'office' });
    const withStaff = await issueLetter(w, ['secretary', 'staff'], { org: 'office' });
    expect((await w.as('unitOfficer').get(`/api/duty-letters/${inUnit}`)).statusCode).toBe(200);
    expect((await w.as('unitOfficer').get(`/api/duty-letters/${office}`)).statusCode).toBe(404);
    expect((await w.as('staff').get(`/api/duty-letters/${withStaff}`)).statusCode).toBe(200);
    expect((await w.as('staff').get(`/api/duty-letters/${office}`)).statusCode).toBe(404);
    const staffList = (await w.as('staff').get('/api/duty-letters?pageSize=200')).json() as DutyLetterPage;
    expect(staffList.items.length).toBeGreaterThan(0);
    expect(staffList.items.every((l) => l.parties.some((p) => p.person.id === w.users.staff.personId))).toBe(true);
    const unitList = (await w.as('unitOfficer').get('/api/duty-letters?pageSize=200')).json() as DutyLetterPage;
    expect(unitList.items.map((l) => l.id)).toContain(inUnit);
    expect(unitList.items.map((l) => l.id)).not.toContain(office);
  });

  it('filters, searches and pages', async () => {
    const templateId = await makeTemplate(w);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await issueLetter(w, ['secretary', 'branchSecretary'], { year: 2050, templateId, level: 'branch' }));
    await sign(w, ids[0]!, 'secretary');
    await sign(w, ids[0]!, 'branchSecretary');
    const page = (await w.as('orgOfficer').get('/api/duty-letters?year=2050&pageSize=2&page=2')).json() as DutyLetterPage;
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
    expect((await w.as('orgOfficer').get('/api/duty-letters?year=2050&status=signed')).json().items.map((l: { id: string }) => l.id)).toEqual([ids[0]]);
    expect((await w.as('orgOfficer').get('/api/duty-letters?year=2050&level=unit')).json().total).toBe(0);
    expect((await w.as('orgOfficer').get(`/api/duty-letters?year=2050&personId=${w.users.branchSecretary.personId}`)).json().total).toBe(3);
    expect((await w.as('orgOfficer').get(`/api/duty-letters?year=2050&q=${encodeURIComponent('branchSecretary同志')}`)).json().total).toBe(3);
    expect((await w.as('orgOfficer').get(`/api/duty-letters?year=2050&q=${encodeURIComponent('没有这个')}`)).json().total).toBe(0);
  });
});

describe('the signing board', () => {
  it('counts 签订率 per level and org, and exports it', async () => {
    const [a, b, c] = [await issueLetter(w, ['secretary', 'staff'], { year: 2060, level: 'section' }), await issueLetter(w, ['secretary', 'staff'], { year: 2060, level: 'section' }), await issueLetter(w, ['secretary', 'discipline'], { year: 2060, level: 'bureau', org: 'bureau' })];
    for (const u of ['secretary', 'staff'] as const) await sign(w, a, u);
    for (const u of ['secretary', 'discipline'] as const) await sign(w, c, u);
    await sign(w, b, 'staff');
    const board = (await w.as('secretary').get('/api/duty-letters/board?year=2060')).json() as DutyBoard;
    expect(board.totals).toEqual({ total: 3, signed: 2, rate: 2 / 3 });
    expect(board.levels.find((l) => l.level === 'section')).toEqual({ level: 'section', total: 2, signed: 1, rate: 0.5 });
    expect(board.levels.find((l) => l.level === 'bureau')).toEqual({ level: 'bureau', total: 1, signed: 1, rate: 1 });
    expect(board.levels.find((l) => l.level === 'unit')).toEqual({ level: 'unit', total: 0, signed: 0, rate: 0 });
    expect(board.orgs).toHaveLength(3);
    const unitBoard = (await w.as('unitOfficer').get('/api/duty-letters/board?year=2060')).json() as DutyBoard;
    expect(unitBoard.totals).toEqual({ total: 2, signed: 1, rate: 0.5 });

    const xlsx = await w.as('secretary').get('/api/duty-letters/board/export.xlsx?year=2060');
    expect(xlsx.statusCode).toBe(200);
    const ws = (await readWorkbook(xlsx.rawPayload)).worksheets[0]!;
    const rows = ws.getSheetValues().length - 1;
    expect(rows).toBe(1 + 3 + 4 + 1);
    const last = ws.getRow(rows);
    expect([cellText(last.getCell(1)), cellText(last.getCell(3)), cellText(last.getCell(4)), cellText(last.getCell(5))]).toEqual(['合计', '3', '2', '66.7%']);
  });
});

describe('the archive', () => {
  it('renders the letter as .docx in the official layout with each party’s signing', async () => {
    const id = await signedLetter(w, ['secretary', 'staff']);
    const letter = await getLetter(w, id);
    const res = await w.as('staff').get(`/api/duty-letters/${id}/letter.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain(letter.title);
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('仿宋_GB2312');
    for (const d of letter.duties) expect(xml).toContain(d);
    expect(xml).toContain(letter.contentHash);
    expect(xml).toContain(`签订日期：${letter.signatures[0]!.signedAt.slice(0, 10)}`);
    expect((await w.as('branchSecretary').get(`/api/duty-letters/${id}/letter.docx`)).statusCode).toBe(404);
  });
});

/** A clock that moves on every reading, as the real one does between two statements. */
class TickingClock extends FakeClock {
  override now(): Date {
    const d = super.now();
    this.advance(1);
    return d;
  }
}

describe('first signatures on a clock that moves', () => {
  it('are made with keys that already counted when the letter was signed', async () => {
    const tw = await createWorld({ clock: new TickingClock('2026-03-02T09:00:00+08:00') });
    try {
      const id = await signedLetter(tw, ['secretary', 'staff']);
      const letter = await getLetter(tw, id);
      expect(letter.signatures.map((s) => s.valid)).toEqual([true, true]);
    } finally {
      await tw.close();
    }
  });
});
