import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../../../platform/storage/test-files.js';
import { testDialect } from '../../../test/database.js';
import { createWorld, type World } from '../../../test/world.js';
import { complaintFields, markAnswered, PORTAL, portalForm, solvedCaptcha } from './portal.fixtures.js';
import { REPORTER_SESSION_HEADER } from './reporter-session.js';

/**
 * A named complaint with marker text goes through every public path (filing with evidence and an
 * Idempotency-Key, a refused filing, a failed and a good code login, the view, a message, a rating).
 * Afterwards no database byte, table row, stored file or log line may hold the markers, the reporter's
 * name and mobile, the receipt code, or anything about the client (address, forwarded address, user
 * agent, cookie). Ordinary text is found by the same scans, so they are known to look.
 */
const CONTENT = '泄露探针正文：食堂采购单价虚高三成';
const EVIDENCE = 'LEAK-PROBE-EVIDENCE-7f3a';
const MESSAGE = '泄露探针补充：供应商是所长亲属';
const COMMENT = '泄露探针评价：处理不彻底';
const NAME = '钱七探针';
const MOBILE = '13677778888';
const ADDRESS = '203.0.113.77';
const FORWARDED = '198.51.100.250';
const AGENT = 'LeakProbeBrowser/9.9 (distinctive-ua)';
const COOKIE = 'probe_cookie_value_5b1e';
const client = { remoteAddress: ADDRESS, headers: { 'user-agent': AGENT, 'x-forwarded-for': FORWARDED, cookie: `tracker=${COOKIE}` } };

const log: string[] = [];
let w: World;
let secrets: string[];
let complaintCode: string;

beforeAll(async () => {
  w = await createWorld({ logTo: { write: (line) => void log.push(line) } });
  const fields = await complaintFields(w, { content: CONTENT, anonymous: false, name: NAME, mobile: MOBILE });
  const evidence = Buffer.concat([files.pdf, Buffer.from(`% ${EVIDENCE}\n`)]);
  const send = async (data: object, extra: Record<string, string> = {}) => {
    const form = portalForm(data, [{ filename: `${NAME}的证据.pdf`, data: evidence }]);
    return w.as(null).inject({ method: 'POST', url: PORTAL, payload: form.payload, remoteAddress: client.remoteAddress, headers: { ...form.headers, ...client.headers, ...extra } });
  };
  const refused = await send({ ...fields, captcha: 'bm90IGEgY2FwdGNoYQ==' });
  expect(refused.statusCode).toBe(400);
  const filed = await send({ ...fields, captcha: await solvedCaptcha(w) }, { 'idempotency-key': 'leak-probe-key-0001' });
  expect(filed.statusCode, filed.body).toBe(201);
  const { code, receiptCode } = filed.json() as { code: string; receiptCode: string };
  complaintCode = code;
  secrets = [CONTENT, EVIDENCE, MESSAGE, COMMENT, NAME, MOBILE, receiptCode, ADDRESS, FORWARDED, AGENT, COOKIE];

  const loginAs = async (receipt: string) =>
    w.as(null).inject({ method: 'POST', url: `${PORTAL}/session`, payload: { receiptCode: receipt, captcha: await solvedCaptcha(w) }, ...client });
  expect((await loginAs(`${receiptCode.slice(0, 15)}${(Number(receiptCode[15]) + 3) % 10}`)).statusCode).toBe(401);
  const opened = await loginAs(receiptCode);
  expect(opened.statusCode).toBe(200);
  const headers = { ...client.headers, [REPORTER_SESSION_HEADER]: opened.json().token as string };
  expect((await w.as(null).inject({ method: 'GET', url: `${PORTAL}/mine`, remoteAddress: ADDRESS, headers })).statusCode).toBe(200);
  expect((await w.as(null).inject({ method: 'POST', url: `${PORTAL}/mine/messages`, payload: { body: MESSAGE }, remoteAddress: ADDRESS, headers })).statusCode).toBe(200);
  const id = (await w.deps.db.selectFrom('complaint').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  await markAnswered(w, id);
  expect((await w.as(null).inject({ method: 'POST', url: `${PORTAL}/mine/rating`, payload: { rating: 'dissatisfied', comment: COMMENT }, remoteAddress: ADDRESS, headers })).statusCode).toBe(200);
  expect((await w.as(null).inject({ method: 'POST', url: `${PORTAL}/mine/logout`, remoteAddress: ADDRESS, headers })).statusCode).toBe(200);
});
afterAll(async () => w.close());

function absent(haystack: Buffer | string, label: string): void {
  for (const s of secrets) expect(haystack.includes(s), `${s} in ${label}`).toBe(false);
}

describe('after a reporter has used every public path', () => {
  it.runIf(testDialect === 'sqlite')('the SQLite file, its WAL and every stored file hold none of it', () => {
    const db = w.sqlitePath!;
    expect(fs.statSync(`${db}-wal`).size).toBeGreaterThan(0);
    const bytes = Buffer.concat([fs.readFileSync(db), fs.readFileSync(`${db}-wal`)]);
    expect(bytes.includes(Buffer.from(complaintCode)), 'the scan finds ordinary text').toBe(true);
    absent(bytes, 'the SQLite file and WAL');
    let scanned = 0;
    for (const f of fs.readdirSync(w.dataDir, { recursive: true, withFileTypes: true })) {
      if (!f.isFile()) continue;
      absent(fs.readFileSync(path.join(f.parentPath, f.name)), f.name);
      scanned += 1;
    }
    expect(scanned).toBeGreaterThan(2);
  });

  it('a text dump of every table holds none of it', async () => {
    const tables = (await w.deps.db.introspection.getTables()).map((t) => t.name);
    let dump = '';
    for (const table of tables) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(w.deps.db);
      dump += rows.rows.map((r) => JSON.stringify(r)).join('\n');
    }
    expect(dump).toContain(complaintCode);
    expect(dump).toContain('complaint.reporter_login');
    absent(dump, 'the tables');
  });

  it('the log, at trace level, holds none of it: the portal writes no access line at all', () => {
    const text = log.join('');
    expect(text).not.toContain(PORTAL);
    expect(text).not.toContain('LOGIN_FAILED');
    absent(text, 'the log');
  });

  it('the audit trail names the public, never an address', async () => {
    const rows = await w.deps.db.selectFrom('audit_log').selectAll().where('action', 'like', 'complaint.%').execute();
    expect(rows.map((r) => r.action).sort()).toEqual(
      ['complaint.portal_submit', 'complaint.reporter_login', 'complaint.reporter_login', 'complaint.reporter_logout', 'complaint.reporter_message', 'complaint.reporter_rating'].sort(),
    );
    for (const r of rows) expect([r.actor_kind, r.actor_id, r.source_ip]).toEqual(['public', null, null]);
  });
});
