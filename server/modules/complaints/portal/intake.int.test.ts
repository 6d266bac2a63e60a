import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxFile, files, multipart } from '../../../platform/storage/test-files.js';
import { forgetSettings } from '../../../platform/settings/settings.js';
import { createWorld, type World } from '../../../test/world.js';
import { complaintFields, fileViaPortal, PORTAL, portalForm, portalMatter, snapshot, solvedCaptcha } from './portal.fixtures.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.close());

async function streamBytes(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await w.deps.storage.get(key)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Distinct test addresses keep the per-client limit of one test from spilling into the next. */
let client = 0;
const nextAddress = () => `198.51.100.${(client += 1)}`;

async function submit(data: object, parts: { filename: string; data: Buffer }[] = [], headers: Record<string, string> = {}) {
  const form = portalForm(data, parts);
  return w.as(null).inject({ method: 'POST', url: PORTAL, payload: form.payload, headers: { ...form.headers, ...headers }, remoteAddress: nextAddress() });
}

describe('POST /api/portal/complaints', () => {
  it('files an anonymous complaint with photo and PDF, hands out a 16-digit receipt once and keeps only its slow hash', async () => {
    const marker = '探针内容甲：防汛补贴被截留，发放名单有假';
    const res = await fileViaPortal(w, {
      fields: { content: marker, happenedOn: '2026-02-20' },
      files: [
        { filename: '现场照片.png', data: files.png },
        { filename: '张三的名单.pdf', data: files.pdf },
      ],
      remoteAddress: nextAddress(),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['set-cookie']).toBeUndefined();
    const receipt = res.json();
    expect(Object.keys(receipt).sort()).toEqual(['code', 'receiptCode', 'submittedAt']);
    expect(receipt.receiptCode).toMatch(/^\d{16}$/);
    expect(receipt.code).toMatch(/^TS-2026-\d{6}$/);

    const row = await w.deps.db.selectFrom('complaint').selectAll().where('code', '=', receipt.code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'portal', status: 'submitted', anonymous: 1, reporter_name_enc: null, reporter_mobile_enc: null, intake_by: null, happened_on: '2026-02-20' });
    expect(JSON.stringify(row)).not.toContain(receipt.receiptCode);
    expect(JSON.stringify(row)).not.toContain('防汛补贴');

    const stored = await w.deps.db.selectFrom('attachment').selectAll().where('owner_type', '=', 'complaint').where('owner_id', '=', row.id).orderBy('name').execute();
    expect(stored.map((a) => [a.name, a.mime, a.encrypted])).toEqual([
      ['1.png', 'image/png', 1],
      ['2.pdf', 'application/pdf', 1],
    ]);
    const pdfAtRest = await streamBytes(stored[1]!.storage_key);
    expect(pdfAtRest.includes(files.pdf.subarray(0, 40))).toBe(false);
    expect(w.deps.crypto.decryptBytes(w.tenantId, pdfAtRest, `attachment:${stored[1]!.id}`).equals(files.pdf)).toBe(true);

    const audit = await w.deps.db.selectFrom('audit_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'complaint.portal_submit', actor_kind: 'public', actor_id: null, source_ip: null, object_id: row.id });
    expect(JSON.parse(audit[0]!.details)).toEqual({ code: receipt.code, files: 2 });
  });

  it('seals a named reporter and never echoes the identity', async () => {
    const res = await fileViaPortal(w, { fields: { anonymous: false, name: '李四', mobile: '13811112222' }, remoteAddress: nextAddress() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.body).not.toContain('李四');
    expect(res.body).not.toContain('13811112222');
    const row = await w.deps.db.selectFrom('complaint').selectAll().where('code', '=', res.json().code).executeTakeFirstOrThrow();
    expect(row.anonymous).toBe(0);
    expect(row.reporter_mobile_enc).not.toContain('13811112222');
    expect(w.deps.crypto.decrypt(w.tenantId, row.reporter_mobile_enc!, `complaint:reporter_mobile:${row.id}`)).toBe('13811112222');
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the same receipt, with the spent captcha or a freshly solved one, and files once', async () => {
      const data = await complaintFields(w, { content: '幂等探针：同一次提交重发两次。' });
      const key = { 'idempotency-key': `portal-${Date.now()}-retry` };
      const captcha = await solvedCaptcha(w);
      const first = await submit({ ...data, captcha }, [{ filename: 'a.png', data: files.png }], key);
      expect(first.statusCode, first.body).toBe(201);
      for (const retryCaptcha of [captcha, await solvedCaptcha(w)]) {
        const retry = await submit({ ...data, captcha: retryCaptcha }, [{ filename: 'a.png', data: files.png }], key);
        expect(retry.statusCode, retry.body).toBe(201);
        expect(retry.headers['idempotent-replayed']).toBe('true');
        expect(retry.json()).toEqual(first.json());
      }
      const rows = await w.deps.db.selectFrom('complaint').select('id').where('tenant_id', '=', w.tenantId).execute();
      const withoutKey = await submit({ ...data, captcha: await solvedCaptcha(w) }, [{ filename: 'a.png', data: files.png }]);
      expect(withoutKey.statusCode).toBe(201);
      expect(await w.deps.db.selectFrom('complaint').select('id').where('tenant_id', '=', w.tenantId).execute()).toHaveLength(rows.length + 1);
      const stored = await w.deps.db.selectFrom('idempotency_key').select('response').where('key', '=', key['idempotency-key']).executeTakeFirstOrThrow();
      expect(stored.response).not.toContain(first.json().receiptCode);
    });

    it('refuses the same key with another complaint or other files (422), storing nothing', async () => {
      const data = await complaintFields(w, { content: '幂等探针：第一次的内容。' });
      const key = { 'idempotency-key': `portal-${Date.now()}-reuse` };
      expect((await submit({ ...data, captcha: await solvedCaptcha(w) }, [], key)).statusCode).toBe(201);
      const before = await snapshot(w);
      const otherText = await submit({ ...data, content: '幂等探针：换了内容再提交。', captcha: await solvedCaptcha(w) }, [], key);
      expect([otherText.statusCode, otherText.json().error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
      const otherFiles = await submit({ ...data, captcha: await solvedCaptcha(w) }, [{ filename: 'b.gif', data: files.gif }], key);
      expect([otherFiles.statusCode, otherFiles.json().error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
      expect(await snapshot(w)).toBe(before);
    });
  });

  it('limits submissions per client in memory (no address is written down)', async () => {
    const address = '192.0.2.200';
    const codes: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      const res = await w.as(null).inject({ method: 'POST', url: PORTAL, payload: portalForm({}).payload, headers: portalForm({}).headers, remoteAddress: address });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 20).every((c) => c === 400)).toBe(true);
    expect(codes[20]).toBe(429);
    const limits = await w.deps.db.selectFrom('rate_limit').select('key').execute();
    expect(limits.filter((r) => !r.key.startsWith('captcha:'))).toEqual([]);
  });

  it('leaves the captcha of a refused complaint unused, so the reporter can correct and send again', async () => {
    const data = { ...(await complaintFields(w)), captcha: await solvedCaptcha(w) };
    const refused = await submit({ ...data, matterId: '01900000-0000-7000-8000-000000000000' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await submit(data)).statusCode).toBe(201);
  });

  describe('bad input', () => {
    it('refuses every malformed, hostile or disguised submission with a 4xx code and stores nothing', async () => {
      await portalMatter(w);
      const used = { ...(await complaintFields(w)), captcha: await solvedCaptcha(w) };
      expect((await submit(used)).statusCode).toBe(201);
      const before = await snapshot(w);
      const base = async () => ({ ...(await complaintFields(w)), captcha: await solvedCaptcha(w) });
      const expectRefused = async (label: string, res: { statusCode: number; json(): { error: { code: string; params?: Record<string, unknown> } } }, codes: string[], params: Record<string, unknown> = {}) => {
        expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, label).toBeLessThan(500);
        expect(codes, label).toContain(res.json().error.code);
        expect(res.json().error.params, label).toMatchObject(params);
      };
      const send = (payload: Buffer | string, headers: Record<string, string>) => w.as(null).inject({ method: 'POST', url: PORTAL, payload, headers, remoteAddress: nextAddress() });

      await expectRefused('JSON instead of a form', await w.as(null).inject({ method: 'POST', url: PORTAL, payload: await base(), remoteAddress: nextAddress() }), ['VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE']);
      await expectRefused('text/plain body', await send('data=x', { 'content-type': 'text/plain' }), ['UNSUPPORTED_MEDIA_TYPE']);
      await expectRefused('cut-off multipart', await send('--x\r\nContent-Disposition: form-data; name="data"\r\n\r\n{', { 'content-type': 'multipart/form-data; boundary=x' }), ['VALIDATION_FAILED', 'MALFORMED_JSON']);
      const broken = portalForm({});
      await expectRefused('malformed JSON in data', await send(broken.payload.toString('latin1').replace('{}', '{"matterId":'), broken.headers), ['MALFORMED_JSON']);
      await expectRefused('empty data', await submit({}, []), ['VALIDATION_FAILED']);
      await expectRefused('oversized data', await submit({ ...(await base()), content: '长'.repeat(40_000) }), ['PAYLOAD_TOO_LARGE']);
      await expectRefused('unknown field', await submit({ ...(await base()), admin: true }), ['VALIDATION_FAILED']);
      await expectRefused('proto field', await submit(JSON.parse(`{"__proto__":{"admin":true},"content":"x"}`)), ['VALIDATION_FAILED']);
      await expectRefused('XSS in content', await submit({ ...(await base()), content: '<script>alert(1)</script>补贴被截留了' }), ['INVALID_CHARACTERS']);
      await expectRefused('zero-width in content', await submit({ ...(await base()), content: '补贴\u200b被截留，名单造假。' }), ['INVALID_CHARACTERS']);
      await expectRefused('bidi override in content', await submit({ ...(await base()), content: '补贴被截留\u202Efdp.exe 名单' }), ['INVALID_CHARACTERS']);
      await expectRefused('SQL in the name', await submit({ ...(await base()), anonymous: false, name: "' OR '1'='1", mobile: '13811112222' }), ['INVALID_CHARACTERS']);
      await expectRefused('full-width SQL in the name', await submit({ ...(await base()), anonymous: false, name: '＇ＯＲ＇１＇＝＇１', mobile: '13811112222' }), ['INVALID_CHARACTERS']);
      await expectRefused('full-width digits in the mobile', await submit({ ...(await base()), anonymous: false, name: '王五', mobile: '１３８１１１１２２２２' }), ['VALIDATION_FAILED']);
      await expectRefused('anonymous yet named', await submit({ ...(await base()), anonymous: true, name: '王五', mobile: '13811112222' }), ['VALIDATION_FAILED'], { field: 'anonymous' });
      await expectRefused('named without a mobile', await submit({ ...(await base()), anonymous: false, name: '王五' }), ['VALIDATION_FAILED']);
      await expectRefused('unknown matter', await submit({ ...(await base()), matterId: '01900000-0000-7000-8000-000000000000' }), ['NOT_FOUND']);
      await expectRefused('SQL as an id', await submit({ ...(await base()), orgId: "1' OR '1'='1" }), ['VALIDATION_FAILED']);
      await expectRefused('no captcha', await submit({ ...(await complaintFields(w)) }), ['VALIDATION_FAILED'], { field: 'captcha', keyword: 'required' });
      await expectRefused('forged captcha', await submit({ ...(await complaintFields(w)), captcha: Buffer.from(JSON.stringify({ algorithm: 'SHA-256', challenge: 'a'.repeat(64), number: 1, salt: 'x?expires=9999999999&', signature: 'b'.repeat(64) })).toString('base64') }), ['VALIDATION_FAILED'], { field: 'captcha', reason: 'invalid' });
      await expectRefused('replayed captcha', await submit({ ...used, content: '换个内容，用同一个验证码再来一次。' }), ['VALIDATION_FAILED'], { field: 'captcha', reason: 'used' });
      await expectRefused('.exe renamed .jpg', await submit(await base(), [{ filename: '照片.jpg', data: files.exe }]), ['FILE_TYPE_REJECTED']);
      await expectRefused('HTML named .png', await submit(await base(), [{ filename: '截图.png', data: files.html }]), ['FILE_TYPE_REJECTED']);
      await expectRefused('PNG named .pdf', await submit(await base(), [{ filename: '材料.pdf', data: files.png }]), ['FILE_TYPE_REJECTED']);
      await expectRefused('Word document', await submit(await base(), [{ filename: '材料.docx', data: await docxFile() }]), ['FILE_TYPE_REJECTED']);
      await expectRefused('a good file, then a bad one', await submit(await base(), [{ filename: 'ok.png', data: files.png }, { filename: 'bad.png', data: files.html }]), ['FILE_TYPE_REJECTED']);
      await expectRefused('six files', await submit(await base(), Array.from({ length: 6 }, (_, i) => ({ filename: `${i}.png`, data: files.png }))), ['VALIDATION_FAILED'], { field: 'files', keyword: 'maxItems' });
      const stray = multipart([{ field: 'data', data: JSON.stringify(await base()), type: 'text/plain' }, { field: 'evidence', filename: 'a.png', data: files.png }]);
      await expectRefused('a file in another field', await send(stray.payload, stray.headers), ['VALIDATION_FAILED'], { field: 'evidence' });
      const onlyFile = multipart([{ field: 'files', filename: 'a.png', data: files.png }]);
      await expectRefused('no data field', await send(onlyFile.payload, onlyFile.headers), ['VALIDATION_FAILED'], { field: 'data', keyword: 'required' });
      const twice = multipart([{ field: 'data', data: JSON.stringify(await base()), type: 'text/plain' }, { field: 'data', data: JSON.stringify(await base()), type: 'text/plain' }]);
      await expectRefused('data twice', await send(twice.payload, twice.headers), ['VALIDATION_FAILED']);
      await w.deps.db.insertInto('setting').values({ tenant_id: w.tenantId, key: 'system.uploads.maxMegabytes', value: '1', updated_at: '2026-03-02T09:00:00.000+08:00', updated_by: null }).execute();
      forgetSettings(w.tenantId);
      try {
        const big = Buffer.concat([files.png, Buffer.alloc(1024 * 1024 + 1)]);
        await expectRefused('oversized photo', await submit(await base(), [{ filename: '大图.png', data: big }]), ['FILE_TOO_LARGE']);
      } finally {
        await w.deps.db.deleteFrom('setting').where('tenant_id', '=', w.tenantId).where('key', '=', 'system.uploads.maxMegabytes').execute();
        forgetSettings(w.tenantId);
      }
      expect(await snapshot(w)).toBe(before);
    });
  });
});
