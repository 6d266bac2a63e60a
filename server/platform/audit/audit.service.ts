import type { AuditExportQuery, AuditQuery, AuditRecord } from '../../../contracts/audit.js';
import type { Page } from '../../../contracts/common.js';
import type { Ctx } from '../context.js';
import { transact } from '../db/transact.js';
import { writeWorkbook } from '../excel/excel.js';
import { AppError } from '../http/errors.js';
import { t, type Locale } from '../i18n/i18n.js';
import { writeAudit } from './audit.js';
import * as repo from './audit.repo.js';
import { verifyAuditChain, type VerifyResult } from './verify.js';

/** One workbook is built in memory; past this the auditor narrows the filter (by date, actor or action). */
const EXPORT_MAX_ROWS = 100_000;

export function presentAudit(r: repo.AuditRow): AuditRecord {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorName: r.actor_name ?? null,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    result: r.result,
    requestId: r.request_id,
    sourceIp: r.source_ip,
    details: r.details,
    hash: r.hash,
  };
}

function filterOf(q: AuditExportQuery | AuditQuery): repo.AuditFilter {
  const { from, to, actorId, action, objectType, objectId, result } = q;
  return Object.fromEntries(Object.entries({ from, to, actorId, action, objectType, objectId, result }).filter(([, v]) => v !== undefined));
}

export async function listAuditLog(ctx: Ctx, q: AuditQuery): Promise<Page<AuditRecord>> {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const f = filterOf(q);
  const [rows, total] = await Promise.all([
    repo.listAudit(ctx.deps.db, ctx.tenantId, f, pageSize, (page - 1) * pageSize),
    repo.countAudit(ctx.deps.db, ctx.tenantId, f),
  ]);
  return { items: rows.map(presentAudit), total, page, pageSize };
}

/** Exporting the log is itself recorded, with the filter used and how many records left the system. */
export async function exportAuditLog(ctx: Ctx, q: AuditExportQuery, locale: Locale, maxRows = EXPORT_MAX_ROWS): Promise<Buffer> {
  const f = filterOf(q);
  const rows = await repo.listAudit(ctx.deps.db, ctx.tenantId, f, maxRows + 1, 0);
  if (rows.length > maxRows) throw new AppError('VALIDATION_FAILED', { reason: 'too_many_rows', max: maxRows });
  const actor = (r: repo.AuditRow) => r.actor_name ?? (r.actor_kind === 'user' ? r.actor_id : t(locale, `audit.actorKinds.${r.actor_kind}`));
  const file = await writeWorkbook<repo.AuditRow>(t(locale, 'audit.sheet'), [
    { header: t(locale, 'audit.seq'), value: (r) => Number(r.seq), width: 10 },
    { header: t(locale, 'audit.at'), value: (r) => r.at, width: 30 },
    { header: t(locale, 'audit.actor'), value: actor },
    { header: t(locale, 'audit.action'), value: (r) => r.action, width: 24 },
    { header: t(locale, 'audit.objectType'), value: (r) => r.object_type },
    { header: t(locale, 'audit.objectId'), value: (r) => r.object_id, width: 38 },
    { header: t(locale, 'audit.result'), value: (r) => t(locale, `audit.results.${r.result}`), width: 10 },
    { header: t(locale, 'audit.sourceIp'), value: (r) => r.source_ip },
    { header: t(locale, 'audit.requestId'), value: (r) => r.request_id, width: 38 },
    { header: t(locale, 'audit.details'), value: (r) => r.details, width: 60 },
    { header: t(locale, 'audit.hash'), value: (r) => r.hash, width: 66 },
  ], rows);
  await transact(ctx, (tx) => writeAudit(tx, ctx, { action: 'audit.export', objectType: 'audit_log', details: { filter: f, rows: rows.length } }));
  return file;
}

/** Verifies the tenant's whole chain against the installation's audit key and records that it did, with the outcome. */
export async function verifyAudit(ctx: Ctx): Promise<VerifyResult> {
  const result = await verifyAuditChain(ctx.deps.db, ctx.deps.crypto, ctx.tenantId, [ctx.deps.keys.auditKey.publicKey]);
  await transact(ctx, (tx) =>
    writeAudit(tx, ctx, { action: 'audit.verify', objectType: 'audit_log', result: result.ok ? 'success' : 'failure', details: { ...result } }),
  );
  return result;
}
