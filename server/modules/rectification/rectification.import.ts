import type { ImportReport } from '../../../contracts/common.js';
import { CreateRectification, rectificationSources, type RectificationQuery, type RectificationSource, type RectificationSummary } from '../../../contracts/rectification.js';
import type { Ctx } from '../../platform/context.js';
import { orgInScope, scopeOf } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { today } from '../../platform/clock/clock.js';
import { transact } from '../../platform/db/transact.js';
import { writeWorkbook } from '../../platform/excel/excel.js';
import { fieldCheck, groupBy, importTemplate as template, labelLookup, normalizeDate, readSheet, sortErrors, type ImportColumn, type ImportError, type SheetRow } from '../../platform/excel/sheet-import.js';
import { locales, t, type Locale } from '../../platform/i18n/i18n.js';
import { addRectification, allRectifications, type NewRectification } from './rectification.service.js';

type Column = 'title' | 'problem' | 'rootCause' | 'measure' | 'org' | 'leader' | 'owner' | 'deadline' | 'source' | 'sourceLabel';

const COLUMNS: ImportColumn<Column>[] = [
  { key: 'title', required: true, width: 30 },
  { key: 'problem', required: true, width: 50 },
  { key: 'rootCause', required: false, width: 30 },
  { key: 'measure', required: true, width: 50 },
  { key: 'org', required: true, width: 20 },
  { key: 'leader', required: false, width: 12 },
  { key: 'owner', required: true, width: 12 },
  { key: 'deadline', required: true, width: 16, text: true },
  { key: 'source', required: false, width: 14 },
  { key: 'sourceLabel', required: false, width: 24 },
];

const header = (l: Locale, k: Column) => t(l, `rectification.columns.${k}`);
const URL = '/api/rectification';
const p = CreateRectification.properties;
const checks = { title: fieldCheck(p.title, URL), problem: fieldCheck(p.problem, URL), rootCause: fieldCheck(p.rootCause, URL), sourceLabel: fieldCheck(p.sourceLabel, URL), measure: fieldCheck(p.measures.items.properties.description, URL) };

export function importTemplate(locale: Locale): Promise<Buffer> {
  return template(t(locale, 'rectification.sheets.import'), COLUMNS, header, locale);
}

async function loadRefs(ctx: Ctx) {
  const db = ctx.deps.db;
  const [orgs, people, leaders] = await Promise.all([
    db.selectFrom('org').select(['id', 'name']).where('tenant_id', '=', ctx.tenantId).execute(),
    db.selectFrom('person').select(['id', 'name']).where('tenant_id', '=', ctx.tenantId).where('status', '=', 'active').execute(),
    db.selectFrom('leader as l').innerJoin('person as p', (j) => j.onRef('p.tenant_id', '=', 'l.tenant_id').onRef('p.id', '=', 'l.person_id')).select(['l.id', 'p.name']).where('l.tenant_id', '=', ctx.tenantId).execute(),
  ]);
  return {
    orgs: groupBy(orgs, (o) => o.name),
    people: groupBy(people, (x) => x.name),
    leaders: groupBy(leaders, (x) => x.name),
    sources: labelLookup(rectificationSources.map((s) => [s, locales.map((l) => t(l, `rectification.sources.${s}`))])),
    scope: scopeOf(ctx.actor, 'rectification:manage'),
  };
}

type Refs = Awaited<ReturnType<typeof loadRefs>>;

/** A cell naming exactly one thing; none or several is the row's error. */
function unique<T extends { id: string }>(found: T[] | undefined, column: Column, fail: (c: Column, code: string) => void): string | null {
  if (found?.length === 1) return found[0]!.id;
  fail(column, found?.length ? 'CONFLICT' : 'NOT_FOUND');
  return null;
}

async function checkRow(ctx: Ctx, refs: Refs, start: string, r: SheetRow<Column>, fail: (c: Column, code: string) => void): Promise<NewRectification | null> {
  let bad = false;
  const report = (c: Column, code: string) => {
    bad = true;
    fail(c, code);
  };
  const c = r.cells;
  for (const key of ['title', 'problem', 'rootCause', 'sourceLabel', 'measure'] as const) {
    const value = c[key];
    if (value === undefined) {
      if (COLUMNS.find((x) => x.key === key)!.required) report(key, 'VALIDATION_FAILED');
      continue;
    }
    const code = checks[key](value);
    if (code) report(key, code);
  }
  const orgId = unique(refs.orgs.get(c.org ?? ''), 'org', report);
  if (orgId && !(await orgInScope(ctx.deps.db, ctx.tenantId, refs.scope, orgId))) report('org', 'FORBIDDEN');
  const ownerId = unique(refs.people.get(c.owner ?? ''), 'owner', report);
  const leaderId = c.leader ? unique(refs.leaders.get(c.leader), 'leader', report) : null;
  const sourceType = (c.source ? refs.sources.get(c.source.toLowerCase()) : 'patrol_audit') as RectificationSource | undefined;
  if (!sourceType) report('source', 'VALIDATION_FAILED');
  let days = 0;
  let unit: 'working' | 'calendar' = 'working';
  const deadline = c.deadline ?? '';
  if (/^\d{1,3}$/.test(deadline)) days = Number(deadline);
  else if (/^\d{4}-\d{2}-\d{2}$/.test(normalizeDate(deadline))) {
    unit = 'calendar';
    days = Math.round((Date.parse(normalizeDate(deadline)) - Date.parse(start)) / 86_400_000);
  }
  if (days < 1 || days > 365) report('deadline', 'VALIDATION_FAILED');
  if (bad || !orgId || !ownerId || !sourceType) return null;
  return {
    sourceType, sourceLabel: c.sourceLabel, title: c.title!, problem: c.problem!, rootCause: c.rootCause, orgId, ownerId, leaderId,
    days, unit, measures: [{ description: c.measure!, ownerId }],
  };
}

/** A problem list (巡察反馈问题清单 and the like) becomes items all at once, or nothing and the bad cells. */
export async function importProblemList(ctx: Ctx, buf: Buffer): Promise<ImportReport> {
  const sheet = await readSheet(buf, COLUMNS, header);
  if (sheet.errors.length) return { ok: false, created: 0, errors: sheet.errors };
  const refs = await loadRefs(ctx);
  const start = today(ctx.deps.clock);
  const errors: ImportError[] = [];
  const drafts: NewRectification[] = [];
  for (const r of sheet.rows) {
    const d = await checkRow(ctx, refs, start, r, (column, code) => errors.push({ row: r.row, column, code }));
    if (d) drafts.push(d);
  }
  if (errors.length) return { ok: false, created: 0, errors: sortErrors(errors, COLUMNS) };
  const codes = await transact(ctx, async (tx) => {
    const created: string[] = [];
    for (const d of drafts) created.push((await addRectification(tx, ctx, d)).code);
    await writeAudit(tx, ctx, { action: 'rectification.import', objectType: 'rectification_item', details: { count: created.length, first: created[0], last: created.at(-1) } });
    return created;
  });
  return { ok: true, created: codes.length, errors: [] };
}

export async function exportLedger(ctx: Ctx, q: RectificationQuery, locale: Locale): Promise<Buffer> {
  const rows = await allRectifications(ctx, q);
  const tr = (k: string) => t(locale, `rectification.${k}`);
  return writeWorkbook<RectificationSummary>(tr('sheets.ledger'), [
    { header: tr('columns.code'), value: (r) => r.code, width: 16 },
    { header: tr('columns.title'), value: (r) => r.title, width: 30 },
    { header: tr('columns.source'), value: (r) => tr(`sources.${r.sourceType}`) },
    { header: tr('columns.sourceLabel'), value: (r) => r.sourceLabel, width: 24 },
    { header: tr('columns.org'), value: (r) => r.org.name, width: 20 },
    { header: tr('columns.leader'), value: (r) => r.leader?.name ?? '' },
    { header: tr('columns.owner'), value: (r) => r.owner.name },
    { header: tr('columns.status'), value: (r) => tr(`statuses.${r.status}`) },
    { header: tr('columns.dueDate'), value: (r) => r.dueDate, width: 12 },
    { header: tr('columns.overdue'), value: (r) => tr(r.overdue ? 'yes' : 'no') },
    { header: tr('columns.measures'), value: (r) => `${r.measuresDone}/${r.measuresTotal}` },
    { header: tr('columns.extensions'), value: (r) => r.extensions },
    { header: tr('columns.closedAt'), value: (r) => r.closedAt ?? '', width: 28 },
  ], rows);
}
