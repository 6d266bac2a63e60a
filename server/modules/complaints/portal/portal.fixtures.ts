import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { Captcha } from '../../../platform/http/captcha.js';
import { solveCaptcha } from '../../../platform/http/captcha-solver.js';
import { systemCtx } from '../../../platform/context.js';
import { nowIso } from '../../../platform/clock/clock.js';
import { newId } from '../../../platform/db/ids.js';
import { multipart } from '../../../platform/storage/test-files.js';
import type { World } from '../../../test/world.js';
import { createComplaint, seal } from '../complaints.create.js';
import { newReceiptCode, receiptHash } from '../complaints.receipt.js';
import { createReporterSession, REPORTER_SESSION_HEADER } from './reporter-session.js';

export const PORTAL = '/api/portal/complaints';

/** A fresh challenge from the route, solved. */
export async function solvedCaptcha(w: World): Promise<string> {
  const res = await w.as(null).get(`${PORTAL}/captcha`);
  if (res.statusCode !== 200) throw new Error(`captcha: ${res.body}`);
  return solveCaptcha(res.json() as Captcha);
}

export interface PortalMatter {
  categoryId: string;
  matterId: string;
}

/** One enabled category with one matter handled by 闸站管理所, made once per world and code (tables written directly). */
export async function portalMatter(w: World, code = 'portal_test', name = '民生资金'): Promise<PortalMatter> {
  const db = w.deps.db;
  const found = await db.selectFrom('complaint_category').select('id').where('tenant_id', '=', w.tenantId).where('code', '=', code).executeTakeFirst();
  if (found) {
    const m = await db.selectFrom('complaint_matter').select('id').where('tenant_id', '=', w.tenantId).where('category_id', '=', found.id).executeTakeFirstOrThrow();
    return { categoryId: found.id, matterId: m.id };
  }
  const at = nowIso(w.clock);
  const categoryId = newId();
  const matterId = newId();
  await db.insertInto('complaint_category').values({ tenant_id: w.tenantId, id: categoryId, code, name, name_en: 'Livelihood funds', description: '', enabled: 1, sort: 10, created_at: at, updated_at: at }).execute();
  await db
    .insertInto('complaint_matter')
    .values({ tenant_id: w.tenantId, id: matterId, category_id: categoryId, name: '补贴发放', description: '', responsible_org_id: w.orgs.unitA, assign_days: null, answer_days: null, enabled: 1, sort: 10, created_at: at, updated_at: at })
    .execute();
  return { categoryId, matterId };
}

export interface ComplaintFields {
  matterId: string;
  orgId: string;
  content: string;
  anonymous: boolean;
  happenedOn?: string | null;
  name?: string;
  mobile?: string;
}

export async function complaintFields(w: World, overrides: Partial<ComplaintFields> = {}): Promise<ComplaintFields> {
  const m = await portalMatter(w);
  return { matterId: m.matterId, orgId: w.orgs.unitA, content: '闸站去年的防汛补贴至今没有发到职工手里，请核查。', anonymous: true, ...overrides };
}

export interface PortalFile {
  filename: string;
  data: Buffer;
}

/** A portal submission as the browser sends it: `data` first, then the files. */
export function portalForm(data: object, files: PortalFile[] = []): { payload: Buffer; headers: Record<string, string> } {
  return multipart([{ field: 'data', data: JSON.stringify(data), type: 'text/plain' }, ...files.map((f) => ({ field: 'files', filename: f.filename, data: f.data }))]);
}

/** Files a complaint through the route with a freshly solved captcha. */
export async function fileViaPortal(
  w: World,
  opts: { fields?: Partial<ComplaintFields>; files?: PortalFile[]; headers?: Record<string, string>; remoteAddress?: string } = {},
): Promise<LightMyRequestResponse> {
  const data = { ...(await complaintFields(w, opts.fields)), captcha: await solvedCaptcha(w) };
  const { payload, headers } = portalForm(data, opts.files);
  return w.as(null).inject({ method: 'POST', url: PORTAL, payload, headers: { ...headers, ...opts.headers }, ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}) });
}

/** A complaint written straight through createComplaint (no route, no captcha), with its receipt code. */
export async function seededComplaint(w: World, fields: Partial<ComplaintFields> = {}): Promise<{ id: string; code: string; receiptCode: string }> {
  const ctx = systemCtx(w.deps, w.tenantId);
  const receiptCode = newReceiptCode(w.deps);
  const hash = await receiptHash(w.deps, w.tenantId, receiptCode);
  const input = await complaintFields(w, fields);
  const c = await w.deps.db.transaction().execute((tx) => createComplaint(tx, ctx, { channel: 'portal', ...input }, hash, []));
  return { id: c.id, code: c.code, receiptCode };
}

/** A live reporter session for one complaint: the header that opens it. */
export async function reporterHeader(w: World, complaintId: string): Promise<Record<string, string>> {
  const ctx = systemCtx(w.deps, w.tenantId);
  const s = await w.deps.db.transaction().execute((tx) => createReporterSession(tx, ctx, complaintId, 20));
  return { [REPORTER_SESSION_HEADER]: s.token };
}

/** What the staff workflow leaves behind after 交办 and 已答复 (tables written directly). */
export async function markAnswered(w: World, complaintId: string, answer = '经核查，补贴已于本月足额发放。'): Promise<void> {
  const ctx = systemCtx(w.deps, w.tenantId);
  const at = nowIso(w.clock);
  await w.deps.db
    .updateTable('complaint')
    .set({ status: 'answered', answer_enc: seal(ctx, 'answer', complaintId, answer), assigned_at: at, dispatched_at: at, answered_at: at, responsible_org_id: w.orgs.unitA, updated_at: at })
    .where('tenant_id', '=', w.tenantId)
    .where('id', '=', complaintId)
    .execute();
}

/** Tables whose rows move for reasons other than a request's business effect (captcha markers live in rate_limit). */
const VOLATILE = new Set(['session', 'rate_limit', 'login_throttle', 'job', 'kysely_migration', 'kysely_migration_lock']);

/** A fingerprint of every business row and of the file store: a refused request must leave both unchanged. */
export async function snapshot(w: World): Promise<string> {
  const tables = (await w.deps.db.introspection.getTables()).map((t) => t.name).filter((n) => !VOLATILE.has(n)).sort();
  const parts: string[] = [];
  for (const t of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(w.deps.db);
    parts.push(`${t}:${rows.rows.map((r) => JSON.stringify(r)).sort().join('|')}`);
  }
  const filesDir = path.join(w.dataDir, 'files');
  const stored = fs.existsSync(filesDir) ? fs.readdirSync(filesDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => path.join(f.parentPath, f.name)).sort() : [];
  parts.push(`files:${stored.join('|')}`);
  return w.deps.crypto.sm3(parts.join('\n'));
}
