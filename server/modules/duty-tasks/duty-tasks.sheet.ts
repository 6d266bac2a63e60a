import ExcelJS from 'exceljs';
import type { ImportReport } from '../../../contracts/common.js';
import { CreateDutyTask, dutyRecurrences, dutySheetColumns, type DutyRecurrence, type DutySheetColumn } from '../../../contracts/duty-tasks.js';
import type { Ctx } from '../../platform/context.js';
import { orgInScope, scopeOf } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { transact } from '../../platform/db/transact.js';
import { cellText, readWorkbook, safeCell } from '../../platform/excel/excel.js';
import { fieldCheck, groupBy, normalizeDate, sortErrors, type ImportError } from '../../platform/excel/sheet-import.js';
import { AppError } from '../../platform/http/errors.js';
import { locales, t, type Locale } from '../../platform/i18n/i18n.js';
import { listDictItems } from '../../platform/settings/dicts.repo.js';
import { loadSettings } from '../../platform/settings/settings.js';
import { readerOf } from './duty-tasks.policy.js';
import { requireVisiblePlan } from './duty-plans.service.js';
import * as repo from './duty-tasks.repo.js';
import { insertTask, type NewTask } from './duty-tasks.tree.js';

type Column = DutySheetColumn;

/**
 * The 任务分解表 layout: a title row over all columns, a two-row header where 责任单位 spans 牵头单位 and
 * 配合单位 and every other header spans both rows, then one task per row. Export and import share it.
 */
const WIDTHS: Record<Column, number> = { number: 8, parentNumber: 10, title: 28, description: 44, leader: 12, org: 18, coOrgs: 24, owner: 12, deadline: 14, evidenceForms: 16, weight: 8 };
const REQUIRED: Column[] = ['number', 'title', 'org', 'deadline', 'evidenceForms', 'weight'];
const GROUPED: Column[] = ['org', 'coOrgs'];
const HEADER_ROWS = 3;
const LIST = /[、，,;；/／\n]+/;
const URL = '/api/duty-tasks';

const label = (l: Locale, k: Column | 'orgGroup') => t(l, `duty-tasks.columns.${k}`);
const recurrenceWord = (l: Locale, r: Exclude<DutyRecurrence, 'none'>) => t(l, `duty-tasks.recurrences.${r}`);

export async function importLimitBytes(ctx: Ctx): Promise<number> {
  return (await loadSettings(ctx.deps.db, ctx.tenantId))['system.uploads.maxMegabytes'] * 1024 * 1024;
}

// ---------------------------------------------------------------- writing

type SheetRow = Record<Column, string | number | null>;

async function writeBreakdown(locale: Locale, title: string, rows: SheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qingfeng';
  const ws = wb.addWorksheet(t(locale, 'duty-tasks.sheets.breakdown'), { views: [{ state: 'frozen', ySplit: HEADER_ROWS }] });
  ws.columns = dutySheetColumns.map((k) => ({ key: k, width: WIDTHS[k] }));
  const n = dutySheetColumns.length;
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { name: '方正小标宋简体', size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  dutySheetColumns.forEach((k, i) => {
    const col = i + 1;
    if (GROUPED.includes(k)) ws.getCell(3, col).value = label(locale, k);
    else {
      ws.mergeCells(2, col, 3, col);
      ws.getCell(2, col).value = label(locale, k);
    }
  });
  const first = dutySheetColumns.indexOf('org') + 1;
  ws.mergeCells(2, first, 2, first + GROUPED.length - 1);
  ws.getCell(2, first).value = label(locale, 'orgGroup');
  for (const r of [2, 3]) {
    for (let c = 1; c <= n; c += 1) {
      const cell = ws.getCell(r, c);
      cell.font = { name: '黑体', bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = border;
    }
  }
  rows.forEach((row, i) => {
    const r = ws.getRow(HEADER_ROWS + 1 + i);
    dutySheetColumns.forEach((k, j) => {
      const cell = r.getCell(j + 1);
      cell.value = safeCell(row[k]);
      cell.alignment = { vertical: 'middle', wrapText: true, ...(k === 'title' || k === 'description' ? {} : { horizontal: 'center' }) };
      cell.border = border;
      if (k === 'number' || k === 'parentNumber' || k === 'deadline') cell.numFmt = '@';
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function breakdownTemplate(locale: Locale): Promise<Buffer> {
  return writeBreakdown(locale, t(locale, 'duty-tasks.sheets.breakdown'), []);
}

function deadlineText(locale: Locale, recurrence: DutyRecurrence, deadline: string): string {
  if (recurrence === 'none') return deadline;
  const word = recurrenceWord(locale, recurrence);
  return deadline.endsWith('-12-31') ? word : `${word} ${deadline}`;
}

/** The plan's tasks the caller sees, in tree order, in the same layout the import reads. */
export async function exportBreakdown(ctx: Ctx, planId: string, locale: Locale): Promise<{ data: Buffer; name: string }> {
  const plan = await requireVisiblePlan(ctx.deps.db, ctx, planId);
  const rows = await repo.planTasks(ctx.deps.db, readerOf(ctx), planId);
  const [co, forms] = await Promise.all([repo.coOrgsOf(ctx.deps.db, ctx.tenantId, rows.map((r) => r.id)), listDictItems(ctx.deps.db, ctx.tenantId, 'evidence_form')]);
  const formLabel = new Map(forms.map((f) => [f.code, locale === 'zh-CN' ? f.label_zh : f.label_en]));
  const numbers = new Map((await repo.allPlanTasks(ctx.deps.db, ctx.tenantId, planId)).map((r) => [r.id, r.number]));
  const sep = t(locale, 'duty-tasks.listSeparator');
  const data = await writeBreakdown(
    locale,
    plan.title,
    rows.map((r) => ({
      number: r.number,
      parentNumber: r.parent_id ? numbers.get(r.parent_id) ?? null : null,
      title: r.title,
      description: r.description,
      leader: r.leader_name,
      org: r.org_name,
      coOrgs: (co.get(r.id) ?? []).map((o) => o.name).join(sep),
      owner: r.owner_name,
      deadline: deadlineText(locale, r.recurrence, r.deadline),
      evidenceForms: (JSON.parse(r.evidence_forms) as string[]).map((c) => formLabel.get(c) ?? c).join(sep),
      weight: Number(r.weight),
    })),
  );
  return { data, name: `duty-tasks-${plan.year}.xlsx` };
}

// ---------------------------------------------------------------- reading

interface ReadRow {
  row: number;
  cells: Partial<Record<Column, string>>;
}

/** Finds the header (either language) in the first rows, with or without the second header row. */
async function readBreakdown(buf: Buffer): Promise<{ rows: ReadRow[]; missing: Column[] }> {
  const ws = (await readWorkbook(buf)).worksheets[0];
  if (!ws) throw new AppError('IMPORT_INVALID', { reason: 'no-sheet' });
  const byLabel = new Map<string, Column | 'orgGroup'>();
  for (const l of locales) {
    for (const k of dutySheetColumns) byLabel.set(label(l, k), k);
    byLabel.set(label(l, 'orgGroup'), 'orgGroup');
  }
  for (const k of dutySheetColumns) byLabel.set(k, k);
  const text = (r: number, c: number) => cellText(ws.getCell(r, c));
  const width = Math.max(ws.columnCount, dutySheetColumns.length);
  let head = 0;
  for (let r = 1; r <= Math.min(10, ws.rowCount) && !head; r += 1) {
    const keys = new Set(Array.from({ length: width }, (_, i) => byLabel.get(text(r, i + 1))));
    if (keys.has('number') && keys.has('title')) head = r;
  }
  if (!head) return { rows: [], missing: REQUIRED };
  const at = new Map<Column, number>();
  let twoRows = false;
  for (let c = 1; c <= width; c += 1) {
    const sub = byLabel.get(text(head + 1, c));
    const top = byLabel.get(text(head, c));
    if (sub && sub !== 'orgGroup' && GROUPED.includes(sub) && !at.has(sub)) {
      at.set(sub, c);
      twoRows = true;
    } else if (top === 'orgGroup' && !at.has('org')) at.set('org', c);
    else if (top && top !== 'orgGroup' && !at.has(top)) at.set(top, c);
  }
  const missing = REQUIRED.filter((k) => !at.has(k));
  const rows: ReadRow[] = [];
  for (let r = head + (twoRows ? 2 : 1); r <= ws.rowCount; r += 1) {
    const cells: ReadRow['cells'] = {};
    for (const [k, c] of at) {
      const v = text(r, c);
      if (v) cells[k] = v;
    }
    if (Object.keys(cells).length) rows.push({ row: r, cells });
  }
  return { rows, missing };
}

async function loadRefs(ctx: Ctx) {
  const db = ctx.deps.db;
  const [orgs, people, leaders, closure, forms] = await Promise.all([
    db.selectFrom('org').select(['id', 'name']).where('tenant_id', '=', ctx.tenantId).execute(),
    db.selectFrom('person').select(['id', 'name']).where('tenant_id', '=', ctx.tenantId).where('status', '=', 'active').execute(),
    db.selectFrom('leader').select('person_id').where('tenant_id', '=', ctx.tenantId).execute(),
    db.selectFrom('org_closure').select(['ancestor_id', 'descendant_id']).where('tenant_id', '=', ctx.tenantId).execute(),
    listDictItems(db, ctx.tenantId, 'evidence_form'),
  ]);
  const leaderIds = new Set(leaders.map((l) => l.person_id));
  const formCodes = new Map<string, string>();
  for (const f of forms.filter((x) => Number(x.enabled) === 1)) for (const l of [f.code, f.label_zh, f.label_en]) formCodes.set(l.toLowerCase(), f.code);
  const recurrences = new Map<string, DutyRecurrence>();
  for (const l of locales) for (const r of dutyRecurrences) if (r !== 'none') recurrences.set(recurrenceWord(l, r).toLowerCase(), r);
  return {
    orgs: groupBy(orgs, (o) => o.name),
    people: groupBy(people, (p) => p.name),
    leaderIds,
    within: new Set(closure.map((c) => `${c.ancestor_id}|${c.descendant_id}`)),
    formCodes,
    recurrences,
    scope: scopeOf(ctx.actor, 'duty:manage'),
    manages: new Map<string, boolean>(),
  };
}

type Refs = Awaited<ReturnType<typeof loadRefs>>;

const p = CreateDutyTask.properties;
const checks = { title: fieldCheck(p.title, URL), description: fieldCheck(p.description, URL) };

interface Draft {
  row: number;
  number: string;
  parentNumber: string | null;
  task: NewTask;
}

type Fail = (c: Column, code: string) => void;

/** One name, one record: a name that matches several is narrowed to those under `under` when given. */
function pickOrg(refs: Refs, name: string, under: string | null, column: Column, fail: Fail): string | null {
  let found = refs.orgs.get(name) ?? [];
  if (found.length > 1 && under) found = found.filter((o) => refs.within.has(`${under}|${o.id}`));
  if (found.length === 1) return found[0]!.id;
  fail(column, found.length ? 'CONFLICT' : 'NOT_FOUND');
  return null;
}

/** 责任领导 names a 班子成员 when one has the name, else anyone on the roster. */
function pickPerson(refs: Refs, name: string, column: Column, fail: Fail, preferLeaders: boolean): string | null {
  const all = refs.people.get(name) ?? [];
  const leaders = preferLeaders ? all.filter((x) => refs.leaderIds.has(x.id)) : [];
  const found = leaders.length ? leaders : all;
  if (found.length === 1) return found[0]!.id;
  fail(column, found.length ? 'CONFLICT' : 'NOT_FOUND');
  return null;
}

/** A date, or 每季度 (and the like) for a recurring duty, optionally with the date it ends. */
function parseDeadline(refs: Refs, raw: string, year: number): { deadline: string; recurrence: DutyRecurrence } | null {
  const m = /^(.*?)[\s（(]*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)?[)）]?$/.exec(raw.trim());
  const word = (m?.[1] ?? '').trim().toLowerCase();
  const date = m?.[2] ? normalizeDate(m[2]) : null;
  const recurrence: DutyRecurrence | undefined = word ? refs.recurrences.get(word) : 'none';
  if (!recurrence || (recurrence === 'none' && !date)) return null;
  const deadline = date ?? `${year}-12-31`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline) || Number.isNaN(Date.parse(deadline)) || Number(deadline.slice(0, 4)) !== year) return null;
  return { deadline, recurrence };
}

async function checkRow(ctx: Ctx, refs: Refs, plan: repo.PlanListRow, r: ReadRow, seen: Map<string, { orgId: string | null }>, fail: Fail): Promise<Draft | null> {
  let bad = false;
  const report: Fail = (c, code) => {
    bad = true;
    fail(c, code);
  };
  const c = r.cells;
  for (const k of REQUIRED) if (c[k] === undefined) report(k, 'VALIDATION_FAILED');
  for (const k of ['title', 'description'] as const) {
    const code = c[k] !== undefined ? checks[k](c[k]) : null;
    if (code) report(k, code);
  }
  const number = c.number ?? '';
  if (number && (number.length > 20 || seen.has(number))) report('number', seen.has(number) ? 'DUPLICATE' : 'VALIDATION_FAILED');
  const parentNumber = c.parentNumber ?? null;
  const parent = parentNumber ? seen.get(parentNumber) : null;
  if (parentNumber && !parent) report('parentNumber', 'NOT_FOUND');
  const assigner = parentNumber ? parent?.orgId ?? null : plan.org_id;
  const orgId = c.org ? pickOrg(refs, c.org, assigner, 'org', report) : null;
  if (orgId && assigner) {
    if (!refs.manages.has(assigner)) refs.manages.set(assigner, await orgInScope(ctx.deps.db, ctx.tenantId, refs.scope, assigner));
    if (!refs.manages.get(assigner)) report('org', 'FORBIDDEN');
    else if (!refs.within.has(`${assigner}|${orgId}`)) report('org', 'DUTY_TASK_ORG_OUTSIDE_PARENT');
  }
  const coOrgIds = (c.coOrgs ?? '').split(LIST).map((s) => s.trim()).filter(Boolean).map((name) => pickOrg(refs, name, null, 'coOrgs', report));
  const leaderId = c.leader ? pickPerson(refs, c.leader, 'leader', report, true) : null;
  const ownerId = c.owner ? pickPerson(refs, c.owner, 'owner', report, false) : null;
  const when = c.deadline ? parseDeadline(refs, c.deadline, Number(plan.year)) : null;
  if (c.deadline && !when) report('deadline', 'VALIDATION_FAILED');
  const forms = (c.evidenceForms ?? '').split(LIST).map((s) => s.trim()).filter(Boolean).map((s) => refs.formCodes.get(s.toLowerCase()));
  if (forms.some((f) => !f)) report('evidenceForms', 'NOT_FOUND');
  else if (c.evidenceForms !== undefined && (forms.length === 0 || forms.length > 8)) report('evidenceForms', 'VALIDATION_FAILED');
  const weight = c.weight !== undefined && /^\d{1,4}$/.test(c.weight) ? Number(c.weight) : NaN;
  if (c.weight !== undefined && !(weight >= 0 && weight <= 1000)) report('weight', 'VALIDATION_FAILED');
  if (number && !seen.has(number)) seen.set(number, { orgId });
  if (bad || !orgId || !when) return null;
  return {
    row: r.row,
    number,
    parentNumber,
    task: {
      title: c.title!, description: c.description ?? '', leaderId, orgId, coOrgIds: [...new Set(coOrgIds as string[])], ownerId, deadline: when.deadline,
      evidenceForms: [...new Set(forms as string[])], weight, recurrence: when.recurrence,
    },
  };
}

/**
 * A 任务分解表 becomes the plan's tasks all at once (children under the rows their 上级序号 names, in sheet
 * order after the plan's existing tasks), or nothing is stored and every bad cell is reported.
 */
export async function importBreakdown(ctx: Ctx, planId: string, buf: Buffer): Promise<ImportReport> {
  const plan = await requireVisiblePlan(ctx.deps.db, ctx, planId);
  const sheet = await readBreakdown(buf);
  if (sheet.missing.length) return { ok: false, created: 0, errors: sheet.missing.map((k) => ({ row: 1, column: k, code: 'VALIDATION_FAILED' })) };
  if (!sheet.rows.length) throw new AppError('IMPORT_INVALID', { reason: 'empty' });
  const refs = await loadRefs(ctx);
  const errors: ImportError[] = [];
  const drafts: Draft[] = [];
  const seen = new Map<string, { orgId: string | null }>();
  for (const r of sheet.rows) {
    const d = await checkRow(ctx, refs, plan, r, seen, (column, code) => errors.push({ row: r.row, column, code }));
    if (d) drafts.push(d);
  }
  const order = dutySheetColumns.map((key) => ({ key, required: REQUIRED.includes(key), width: WIDTHS[key] }));
  if (errors.length) return { ok: false, created: 0, errors: sortErrors(errors, order) };
  await transact(ctx, async (tx) => {
    const created = new Map<string, repo.TaskRow>();
    for (const d of drafts) {
      const parent = d.parentNumber ? created.get(d.parentNumber)! : null;
      const id = await insertTask(tx, ctx, { id: plan.id, year: Number(plan.year), org_id: plan.org_id }, parent, d.task, 'imported');
      created.set(d.number, (await repo.findTask(tx, ctx.tenantId, id))!);
    }
    await writeAudit(tx, ctx, { action: 'duty_task.import', objectType: 'duty_plan', objectId: plan.id, details: { count: drafts.length } });
  });
  return { ok: true, created: drafts.length, errors: [] };
}
