import type { Page } from '../../../contracts/common.js';
import type { CreatePerson, Person, PersonDetail, PersonExportQuery, PersonQuery, UpdatePerson } from '../../../contracts/people.js';
import type { Ctx } from '../../platform/context.js';
import { scopeOf } from '../../platform/access/scope.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/clock/clock.js';
import { isForeignKeyViolation } from '../../platform/db/dialect.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { writeWorkbook } from '../../platform/excel/excel.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';
import { t, type Locale } from '../../platform/i18n/i18n.js';
import { maskIdNumber, maskMobile } from './people.mask.js';
import { authorizeOrgWrite, authorizePersonRead, authorizePersonUse, authorizePersonWrite } from './people.policy.js';
import * as repo from './people.repo.js';

type SealedField = 'id_number' | 'mobile';

const ID_NUMBER = /^[1-9][0-9]{16}[0-9X]$/;
const MOBILE = /^1[3-9][0-9]{9}$/;

/** Envelope and blind index of one sensitive field; the AAD binds the envelope to its row and column. */
export function seal(ctx: Ctx, personId: string, field: SealedField, value: string | null): { enc: string | null; bidx: string | null } {
  if (value === null) return { enc: null, bidx: null };
  return { enc: ctx.deps.crypto.encrypt(ctx.tenantId, value, `person:${field}:${personId}`), bidx: blindIndex(ctx, field, value) };
}

export function blindIndex(ctx: Ctx, field: SealedField, value: string): string {
  return ctx.deps.crypto.blindIndex(ctx.tenantId, `person.${field}`, value);
}

function open(ctx: Ctx, personId: string, field: SealedField, envelope: string | null): string | null {
  return envelope === null ? null : ctx.deps.crypto.decrypt(ctx.tenantId, envelope, `person:${field}:${personId}`);
}

export function presentPerson(ctx: Ctx, r: repo.PersonListRow): Person {
  const idNumber = open(ctx, r.id, 'id_number', r.id_number_enc);
  const mobile = open(ctx, r.id, 'mobile', r.mobile_enc);
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    politicalStatus: r.political_status,
    partyJoinDate: r.party_join_date,
    idNumberMasked: idNumber === null ? null : maskIdNumber(idNumber),
    mobileMasked: mobile === null ? null : maskMobile(mobile),
    primaryOrgId: r.primary_org_id,
    primaryOrgName: r.org_name,
    status: r.status,
    updatedAt: r.updated_at,
  };
}

function actorPersonId(ctx: Ctx): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.personId : null;
}

function toFilter(ctx: Ctx, q: Omit<PersonExportQuery, 'lang'>): repo.PeopleFilter {
  const text = q.q?.trim();
  return {
    ...(text && {
      q: {
        name: text,
        idNumberBidx: ID_NUMBER.test(text.toUpperCase()) ? blindIndex(ctx, 'id_number', text.toUpperCase()) : null,
        mobileBidx: MOBILE.test(text) ? blindIndex(ctx, 'mobile', text) : null,
      },
    }),
    ...(q.orgId && { orgId: q.orgId }),
    ...(q.politicalStatus && { politicalStatus: q.politicalStatus }),
    ...(q.gender && { gender: q.gender }),
    ...(q.status && { status: q.status }),
    ...(q.mobile && { mobileBidx: blindIndex(ctx, 'mobile', q.mobile) }),
  };
}

export async function listPeople(ctx: Ctx, q: PersonQuery): Promise<Page<Person>> {
  const scope = scopeOf(ctx.actor, 'person:read');
  const filter = toFilter(ctx, q);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const db = ctx.deps.db;
  const [total, rows] = await Promise.all([
    repo.countPeople(db, ctx.tenantId, scope, actorPersonId(ctx), filter),
    repo.listPeople(db, ctx.tenantId, scope, actorPersonId(ctx), filter, { limit: pageSize, offset: (page - 1) * pageSize }),
  ]);
  return { items: rows.map((r) => presentPerson(ctx, r)), total, page, pageSize };
}

async function findReadable(ctx: Ctx, id: string): Promise<repo.PersonListRow> {
  const row = await repo.findPerson(ctx.deps.db, ctx.tenantId, id);
  if (!row) throw notFound('person');
  await authorizePersonRead(ctx, row);
  return row;
}

export async function getPerson(ctx: Ctx, id: string): Promise<PersonDetail> {
  const row = await findReadable(ctx, id);
  const db = ctx.deps.db;
  const [orgs, posts, leaderTitle, userId] = await Promise.all([
    repo.memberships(db, ctx.tenantId, id),
    repo.heldPosts(db, ctx.tenantId, id),
    repo.leaderTitle(db, ctx.tenantId, id),
    repo.linkedUserId(db, ctx.tenantId, id),
  ]);
  return {
    ...presentPerson(ctx, row),
    orgs,
    posts: posts.map((p) => ({ id: p.id, name: p.name, orgId: p.org_id, orgName: p.org_name })),
    leaderTitle,
    userId,
  };
}

/** The checks a create and an update share: referenced orgs exist, the status is a dictionary code, the ID number is new. */
async function checkReferences(ctx: Ctx, input: { orgIds: string[]; politicalStatus?: string | undefined; idNumber?: string | null | undefined }, personId: string | null) {
  const db = ctx.deps.db;
  const found = await repo.existingOrgIds(db, ctx.tenantId, input.orgIds);
  if (input.orgIds.some((o) => !found.has(o))) throw notFound('org');
  if (input.politicalStatus !== undefined) {
    const codes = (await repo.politicalStatuses(db, ctx.tenantId)).map((s) => s.code);
    if (!codes.includes(input.politicalStatus)) throw new AppError('VALIDATION_FAILED', { part: 'body', field: 'politicalStatus' });
  }
  if (input.idNumber) {
    const stored = await repo.storedIdNumbers(db, ctx.tenantId, [blindIndex(ctx, 'id_number', input.idNumber)], personId);
    if (stored.size) throw new AppError('DUPLICATE', { field: 'idNumber' });
  }
}

export async function createPerson(ctx: Ctx, input: CreatePerson): Promise<Person> {
  await authorizeOrgWrite(ctx, 'person:manage', input.primaryOrgId);
  const orgIds = [...new Set([input.primaryOrgId, ...(input.orgIds ?? [])])];
  await checkReferences(ctx, { orgIds, politicalStatus: input.politicalStatus, idNumber: input.idNumber }, null);
  const id = newId();
  const at = nowIso(ctx.deps.clock);
  const idNumber = seal(ctx, id, 'id_number', input.idNumber ?? null);
  const mobile = seal(ctx, id, 'mobile', input.mobile ?? null);
  const row: repo.PersonRow = {
    tenant_id: ctx.tenantId,
    id,
    name: input.name,
    gender: input.gender,
    birth_date: input.birthDate ?? null,
    political_status: input.politicalStatus,
    party_join_date: input.partyJoinDate ?? null,
    id_number_enc: idNumber.enc,
    id_number_bidx: idNumber.bidx,
    mobile_enc: mobile.enc,
    mobile_bidx: mobile.bidx,
    primary_org_id: input.primaryOrgId,
    status: 'active',
    created_at: at,
    updated_at: at,
  };
  return transact(ctx, async (tx) => {
    await repo.insertPerson(tx, row, orgIds);
    await writeAudit(tx, ctx, { action: 'person.create', objectType: 'person', objectId: id, details: { primaryOrgId: input.primaryOrgId } });
    return presentPerson(ctx, (await repo.findPerson(tx, ctx.tenantId, id))!);
  });
}

async function findWritable(ctx: Ctx, id: string): Promise<repo.PersonListRow> {
  const row = await repo.findPerson(ctx.deps.db, ctx.tenantId, id);
  if (!row) throw notFound('person');
  await authorizePersonWrite(ctx, 'person:manage', row);
  return row;
}

export async function updatePerson(ctx: Ctx, id: string, input: UpdatePerson): Promise<Person> {
  const row = await findWritable(ctx, id);
  const primary = input.primaryOrgId ?? row.primary_org_id;
  if (primary !== row.primary_org_id) await authorizeOrgWrite(ctx, 'person:manage', primary);
  const membershipChange = input.orgIds !== undefined || primary !== row.primary_org_id;
  const others = input.orgIds ?? (await repo.membershipIds(ctx.deps.db, ctx.tenantId, id)).map((m) => m.org_id).filter((o) => o !== row.primary_org_id);
  const orgIds = [...new Set([primary, ...others])];
  await checkReferences(ctx, { orgIds, politicalStatus: input.politicalStatus, idNumber: input.idNumber }, id);
  const idNumber = input.idNumber === undefined ? null : seal(ctx, id, 'id_number', input.idNumber);
  const mobile = input.mobile === undefined ? null : seal(ctx, id, 'mobile', input.mobile);
  const patch: Partial<repo.PersonRow> = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.gender !== undefined && { gender: input.gender }),
    ...(input.birthDate !== undefined && { birth_date: input.birthDate }),
    ...(input.politicalStatus !== undefined && { political_status: input.politicalStatus }),
    ...(input.partyJoinDate !== undefined && { party_join_date: input.partyJoinDate }),
    ...(idNumber && { id_number_enc: idNumber.enc, id_number_bidx: idNumber.bidx }),
    ...(mobile && { mobile_enc: mobile.enc, mobile_bidx: mobile.bidx }),
    ...(input.status !== undefined && { status: input.status }),
    primary_org_id: primary,
    updated_at: nowIso(ctx.deps.clock),
  };
  return transact(ctx, async (tx) => {
    if (!(await repo.findPerson(tx, ctx.tenantId, id))) throw notFound('person');
    await repo.updatePersonRow(tx, ctx.tenantId, id, patch);
    if (membershipChange) await repo.replaceMemberships(tx, ctx.tenantId, id, primary, orgIds);
    await writeAudit(tx, ctx, { action: 'person.update', objectType: 'person', objectId: id, details: { fields: Object.keys(input) } });
    return presentPerson(ctx, (await repo.findPerson(tx, ctx.tenantId, id))!);
  });
}

/** A person an account signs in as stays; otherwise the row goes, and its envelopes (and their data keys) with it. */
export async function deletePerson(ctx: Ctx, id: string): Promise<void> {
  await findWritable(ctx, id);
  if (await repo.linkedUserId(ctx.deps.db, ctx.tenantId, id)) throw conflict('user_account');
  try {
    await transact(ctx, async (tx) => {
      if (!(await repo.findPerson(tx, ctx.tenantId, id))) throw notFound('person');
      await repo.deletePersonRow(tx, ctx.tenantId, id);
      await writeAudit(tx, ctx, { action: 'person.delete', objectType: 'person', objectId: id });
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) throw conflict('referenced');
    throw e;
  }
}

/** The unmasked values, for a stated reason that the audit log keeps (the values never reach it). */
export async function revealPerson(ctx: Ctx, id: string, reason: string): Promise<{ idNumber: string | null; mobile: string | null }> {
  const row = await repo.findPerson(ctx.deps.db, ctx.tenantId, id);
  if (!row) throw notFound('person');
  await authorizePersonUse(ctx, 'person:reveal', row);
  return transact(ctx, async (tx) => {
    await writeAudit(tx, ctx, { action: 'person.reveal', objectType: 'person', objectId: id, details: { reason, fields: ['idNumber', 'mobile'] } });
    return { idNumber: open(ctx, id, 'id_number', row.id_number_enc), mobile: open(ctx, id, 'mobile', row.mobile_enc) };
  });
}

export async function politicalStatusLabels(ctx: Ctx, locale: Locale): Promise<Map<string, string>> {
  const rows = await repo.politicalStatuses(ctx.deps.db, ctx.tenantId);
  return new Map(rows.map((s) => [s.code, locale === 'en-US' ? s.label_en : s.label_zh]));
}

/** The roster as the list shows it (masked), every page at once. */
export async function exportPeople(ctx: Ctx, q: PersonExportQuery, locale: Locale): Promise<Buffer> {
  const rows = await repo.listPeople(ctx.deps.db, ctx.tenantId, scopeOf(ctx.actor, 'person:read'), actorPersonId(ctx), toFilter(ctx, q), null);
  const statuses = await politicalStatusLabels(ctx, locale);
  const h = (k: string) => t(locale, `people.columns.${k}`);
  return writeWorkbook<Person>(t(locale, 'people.sheets.people'), [
    { header: h('name'), value: (p) => p.name, width: 14 },
    { header: h('gender'), value: (p) => t(locale, `people.genders.${p.gender}`), width: 8 },
    { header: h('birthDate'), value: (p) => p.birthDate, width: 12 },
    { header: h('politicalStatus'), value: (p) => statuses.get(p.politicalStatus) ?? p.politicalStatus },
    { header: h('partyJoinDate'), value: (p) => p.partyJoinDate, width: 12 },
    { header: h('idNumber'), value: (p) => p.idNumberMasked, width: 22 },
    { header: h('mobile'), value: (p) => p.mobileMasked, width: 14 },
    { header: h('org'), value: (p) => p.primaryOrgName, width: 24 },
    { header: h('status'), value: (p) => t(locale, `people.statuses.${p.status}`), width: 8 },
  ], rows.map((r) => presentPerson(ctx, r)));
}
