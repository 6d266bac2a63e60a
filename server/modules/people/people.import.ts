import ExcelJS from 'exceljs';
import type { ValidateFunction } from 'ajv';
import type { TSchema } from 'typebox';
import type { ImportReport } from '../../../contracts/common.js';
import { CreatePerson } from '../../../contracts/people.js';
import type { Ctx } from '../../platform/context.js';
import { orgInScope, scopeOf } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { cellText, readWorkbook } from '../../platform/excel/excel.js';
import { AppError } from '../../platform/http/errors.js';
import { validatorCompiler } from '../../platform/http/validation.js';
import { locales, t, type Locale } from '../../platform/i18n/i18n.js';
import { loadSettings } from '../../platform/settings/settings.js';
import * as repo from './people.repo.js';
import { blindIndex, seal } from './people.service.js';

type Column = 'name' | 'gender' | 'birthDate' | 'politicalStatus' | 'partyJoinDate' | 'idNumber' | 'mobile' | 'org' | 'post';
type ImportError = ImportReport['errors'][number];

/** Roster columns in template order; `text` columns are formatted as text so Excel keeps every digit. */
const COLUMNS: { key: Column; required: boolean; width: number; text?: boolean }[] = [
  { key: 'name', required: true, width: 14 },
  { key: 'gender', required: true, width: 8 },
  { key: 'birthDate', required: false, width: 12, text: true },
  { key: 'politicalStatus', required: true, width: 14 },
  { key: 'partyJoinDate', required: false, width: 12, text: true },
  { key: 'idNumber', required: false, width: 22, text: true },
  { key: 'mobile', required: false, width: 14, text: true },
  { key: 'org', required: true, width: 24 },
  { key: 'post', required: false, width: 18 },
];

const header = (locale: Locale, key: Column) => t(locale, `people.columns.${key}`);

export async function importTemplate(locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qingfeng';
  const ws = wb.addWorksheet(t(locale, 'people.sheets.import'));
  ws.columns = COLUMNS.map((c) => ({ header: header(locale, c.key), width: c.width, ...(c.text && { style: { numFmt: '@' } }) }));
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function importLimitBytes(ctx: Ctx): Promise<number> {
  return (await loadSettings(ctx.deps.db, ctx.tenantId))['system.uploads.maxMegabytes'] * 1024 * 1024;
}

/** Each cell is held to the API's own schema for that field, so an import accepts exactly what the form does. */
function fieldCheck(schema: TSchema): (value: unknown) => string | null {
  const validate = validatorCompiler({ schema, method: 'POST', url: '/api/people', httpPart: 'body' }) as unknown as ValidateFunction;
  return (value) => {
    if (validate(value)) return null;
    const e = validate.errors?.find((x) => x.keyword === 'format');
    return e && (e.params.format === 'plain' || e.params.format === 'text') ? 'INVALID_CHARACTERS' : 'VALIDATION_FAILED';
  };
}

const p = CreatePerson.properties;
const checks = {
  name: fieldCheck(p.name),
  birthDate: fieldCheck(p.birthDate),
  partyJoinDate: fieldCheck(p.partyJoinDate),
  idNumber: fieldCheck(p.idNumber),
  mobile: fieldCheck(p.mobile),
};

/** 1990-3-7, 1990/03/07, 1990.03.07 and 1990年3月7日 all mean 1990-03-07. */
function normalizeDate(s: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}

interface RosterRow {
  row: number;
  cells: Partial<Record<Column, string>>;
  /** An ID number typed as a number has already lost digits in Excel. */
  numericIdNumber: boolean;
}

async function readRoster(buf: Buffer): Promise<{ rows: RosterRow[]; errors: ImportError[] }> {
  const ws = (await readWorkbook(buf)).worksheets[0];
  if (!ws) throw new AppError('IMPORT_INVALID', { reason: 'no-sheet' });
  const byLabel = new Map<string, Column>(COLUMNS.flatMap((c) => [[c.key, c.key] as const, ...locales.map((l) => [header(l, c.key), c.key] as const)]));
  const at = new Map<Column, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = byLabel.get(cellText(cell));
    if (key && !at.has(key)) at.set(key, col);
  });
  const missing = COLUMNS.filter((c) => c.required && !at.has(c.key));
  if (missing.length) return { rows: [], errors: missing.map((c) => ({ row: 1, column: c.key, code: 'VALIDATION_FAILED' })) };
  const rows: RosterRow[] = [];
  ws.eachRow((r, row) => {
    if (row === 1) return;
    const cells: RosterRow['cells'] = {};
    for (const [key, col] of at) {
      const text = cellText(r.getCell(col));
      if (text) cells[key] = text;
    }
    if (Object.keys(cells).length) rows.push({ row, cells, numericIdNumber: at.has('idNumber') && typeof r.getCell(at.get('idNumber')!).value === 'number' });
  });
  if (!rows.length) throw new AppError('IMPORT_INVALID', { reason: 'empty' });
  return { rows, errors: [] };
}

interface Draft {
  row: number;
  name: string;
  gender: 'male' | 'female';
  birthDate: string | null;
  politicalStatus: string;
  partyJoinDate: string | null;
  idNumber: string | null;
  mobile: string | null;
  orgId: string;
  postId: string | null;
}

/** Accepts a code or its label in either language: people fill rosters in with what they read. */
function lookup(entries: [string, string[]][]): Map<string, string> {
  const m = new Map<string, string>();
  for (const [code, labels] of entries) for (const l of [code, ...labels]) m.set(l.toLowerCase(), code);
  return m;
}

function group<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

/** What the rows refer to, loaded once per file: codes, orgs by name (with the importer's reach), posts. */
interface Refs {
  genders: Map<string, string>;
  statuses: Map<string, string>;
  orgsByName: Map<string, { id: string }[]>;
  manageable: Set<string>;
  posts: Map<string, { id: string }[]>;
}

async function loadRefs(ctx: Ctx, rows: RosterRow[]): Promise<Refs> {
  const db = ctx.deps.db;
  const orgsByName = group(await repo.orgNames(db, ctx.tenantId), (o) => o.name);
  const named = [...new Set(rows.map((r) => orgsByName.get(r.cells.org ?? '')).filter((o) => o?.length === 1).map((o) => o![0]!.id))];
  const scope = scopeOf(ctx.actor, 'person:manage');
  const manageable = new Set<string>();
  for (const id of named) if (await orgInScope(db, ctx.tenantId, scope, id)) manageable.add(id);
  return {
    genders: lookup((['male', 'female'] as const).map((g) => [g, locales.map((l) => t(l, `people.genders.${g}`))])),
    statuses: lookup((await repo.politicalStatuses(db, ctx.tenantId)).map((s) => [s.code, [s.label_zh, s.label_en]])),
    orgsByName,
    manageable,
    posts: group(await repo.postsOfOrgs(db, ctx.tenantId, named), (x) => `${x.org_id}/${x.name}`),
  };
}

/** Checks one row, reporting each bad cell; a row with no bad cell becomes a draft. */
function checkRow(refs: Refs, { row, cells, numericIdNumber }: RosterRow, seenIds: Set<string>, fail: (column: Column, code: string) => void): Draft | null {
  let bad = false;
  const report = (column: Column, code: string) => {
    bad = true;
    fail(column, code);
  };
  const checked = (key: keyof typeof checks, value: string | undefined): string | null => {
    if (value === undefined) return null;
    const code = checks[key](value);
    if (code) report(key, code);
    return code ? null : value;
  };
  const name = cells.name ?? '';
  const nameError = checks.name(name);
  if (nameError) report('name', nameError);
  const gender = refs.genders.get((cells.gender ?? '').toLowerCase()) as Draft['gender'] | undefined;
  if (!gender) report('gender', 'VALIDATION_FAILED');
  const birthDate = checked('birthDate', cells.birthDate && normalizeDate(cells.birthDate));
  const politicalStatus = refs.statuses.get((cells.politicalStatus ?? '').toLowerCase());
  if (!politicalStatus) report('politicalStatus', 'VALIDATION_FAILED');
  const partyJoinDate = checked('partyJoinDate', cells.partyJoinDate && normalizeDate(cells.partyJoinDate));
  const idNumber = numericIdNumber ? null : checked('idNumber', cells.idNumber?.toUpperCase());
  if (numericIdNumber) report('idNumber', 'VALIDATION_FAILED');
  if (idNumber !== null) {
    if (seenIds.has(idNumber)) report('idNumber', 'DUPLICATE');
    seenIds.add(idNumber);
  }
  const mobile = checked('mobile', cells.mobile);
  const orgs = refs.orgsByName.get(cells.org ?? '') ?? [];
  const orgId = orgs.length === 1 ? orgs[0]!.id : null;
  if (!orgs.length) report('org', cells.org ? 'NOT_FOUND' : 'VALIDATION_FAILED');
  else if (!orgId) report('org', 'CONFLICT');
  else if (!refs.manageable.has(orgId)) report('org', 'FORBIDDEN');
  let postId: string | null = null;
  if (cells.post && orgId) {
    const posts = refs.posts.get(`${orgId}/${cells.post}`) ?? [];
    if (posts.length === 1) postId = posts[0]!.id;
    else report('post', posts.length ? 'CONFLICT' : 'NOT_FOUND');
  }
  if (bad || !gender || !politicalStatus || !orgId) return null;
  return { row, name, gender, birthDate, politicalStatus, partyJoinDate, idNumber, mobile, orgId, postId };
}

async function validateRoster(ctx: Ctx, rows: RosterRow[]): Promise<{ drafts: Draft[]; errors: ImportError[] }> {
  const refs = await loadRefs(ctx, rows);
  const errors: ImportError[] = [];
  const drafts: Draft[] = [];
  const seenIds = new Set<string>();
  for (const r of rows) {
    const draft = checkRow(refs, r, seenIds, (column, code) => errors.push({ row: r.row, column, code }));
    if (draft) drafts.push(draft);
  }
  const bidx = new Map(drafts.filter((d) => d.idNumber).map((d) => [d.row, blindIndex(ctx, 'id_number', d.idNumber!)]));
  const stored = await repo.storedIdNumbers(ctx.deps.db, ctx.tenantId, [...bidx.values()]);
  for (const d of drafts) if (stored.has(bidx.get(d.row) ?? '')) errors.push({ row: d.row, column: 'idNumber', code: 'DUPLICATE' });
  const order = new Map(COLUMNS.map((c, i) => [c.key as string, i]));
  errors.sort((a, b) => a.row - b.row || order.get(a.column)! - order.get(b.column)!);
  return { drafts, errors };
}

/** All rows or none: a roster with any bad row stores nothing and says which cells to fix. */
export async function importPeople(ctx: Ctx, buf: Buffer): Promise<ImportReport> {
  const roster = await readRoster(buf);
  if (roster.errors.length) return { ok: false, created: 0, errors: roster.errors };
  const { drafts, errors } = await validateRoster(ctx, roster.rows);
  if (errors.length) return { ok: false, created: 0, errors };
  const at = nowIso(ctx.deps.clock);
  const people = drafts.map((d): repo.PersonRow => {
    const id = newId();
    const idNumber = seal(ctx, id, 'id_number', d.idNumber);
    const mobile = seal(ctx, id, 'mobile', d.mobile);
    return {
      tenant_id: ctx.tenantId, id, name: d.name, gender: d.gender, birth_date: d.birthDate, political_status: d.politicalStatus,
      party_join_date: d.partyJoinDate, id_number_enc: idNumber.enc, id_number_bidx: idNumber.bidx, mobile_enc: mobile.enc,
      mobile_bidx: mobile.bidx, primary_org_id: d.orgId, status: 'active', created_at: at, updated_at: at,
    };
  });
  const holdings = drafts.flatMap((d, i) => (d.postId ? [{ person_id: people[i]!.id, post_id: d.postId }] : []));
  await transact(ctx, async (tx) => {
    await repo.insertRoster(tx, ctx.tenantId, people, holdings);
    await writeAudit(tx, ctx, { action: 'person.import', objectType: 'person', details: { count: people.length } });
  });
  return { ok: true, created: people.length, errors: [] };
}
