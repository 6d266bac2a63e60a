import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DutyLetterQuery, DutyLetterTemplateQuery, MyDutyLettersQuery } from '../../../contracts/duty-letters.js';
import { scopeFilter } from '../../platform/access/scope.js';
import type { Db, Scope, Tx } from '../../platform/context.js';
import type { DB } from '../../schema.js';
import type { DutyLetterPartyTable, DutyLetterTable, DutyLetterTemplateTable } from './duty-letters.tables.js';

export type TemplateRow = DutyLetterTemplateTable;
export type LetterRow = DutyLetterTable;
export type PartyRow = DutyLetterPartyTable;
export type LetterListRow = LetterRow & { org_name: string; superseded_by: string | null };

export interface Reader {
  tenantId: string;
  scope: Scope | null;
  personId: string | null;
}

// ---- templates

export async function listTemplates(db: Db | Tx, tenantId: string, q: DutyLetterTemplateQuery) {
  let b = db.selectFrom('duty_letter_template as t').where('t.tenant_id', '=', tenantId);
  if (q.level) b = b.where('t.level', '=', q.level);
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    b = b.where((eb) => eb.or([eb(eb.fn('lower', ['t.name']), 'like', like), eb(eb.fn('lower', ['t.title']), 'like', like)]));
  }
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    b
      .selectAll('t')
      .select((eb) => eb.selectFrom('duty_letter as d').select((e) => e.fn.countAll<number>().as('n')).whereRef('d.tenant_id', '=', 't.tenant_id').whereRef('d.template_id', '=', 't.id').as('letter_count'))
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    b.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pageSize };
}

export async function findTemplate(db: Db | Tx, tenantId: string, id: string) {
  return db
    .selectFrom('duty_letter_template as t')
    .selectAll('t')
    .select((eb) => eb.selectFrom('duty_letter as d').select((e) => e.fn.countAll<number>().as('n')).whereRef('d.tenant_id', '=', 't.tenant_id').whereRef('d.template_id', '=', 't.id').as('letter_count'))
    .where('t.tenant_id', '=', tenantId)
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export async function findTemplates(db: Db | Tx, tenantId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('duty_letter_template').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

export async function insertTemplate(tx: Tx, row: TemplateRow): Promise<void> {
  await tx.insertInto('duty_letter_template').values(row).execute();
}

export async function updateTemplate(tx: Tx, tenantId: string, id: string, patch: Partial<TemplateRow>): Promise<void> {
  await tx.updateTable('duty_letter_template').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteTemplate(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.deleteFrom('duty_letter_template').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

// ---- letters

/** Letters in the reader's duty:read scope, plus every letter the reader is a party to. */
function visible(eb: ExpressionBuilder<any, any>, r: Reader): Expression<SqlBool> {
  const ors: Expression<SqlBool>[] = [scopeFilter(eb as ExpressionBuilder<DB, keyof DB>, r.tenantId, r.scope, { org: 'l.org_id' }, null)];
  if (r.personId) ors.push(sql<SqlBool>`exists (select 1 from duty_letter_party p where p.tenant_id = l.tenant_id and p.letter_id = l.id and p.person_id = ${r.personId})`);
  return eb.or(ors);
}

const supersededBy = (eb: ExpressionBuilder<any, any>) =>
  eb.selectFrom('duty_letter as n').select('n.id').whereRef('n.tenant_id', '=', 'l.tenant_id').whereRef('n.revision_of', '=', 'l.id').as('superseded_by');

function letters(db: Db | Tx, tenantId: string) {
  return db
    .selectFrom('duty_letter as l')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'l.tenant_id').onRef('o.id', '=', 'l.org_id'))
    .where('l.tenant_id', '=', tenantId);
}

const current = sql<SqlBool>`not exists (select 1 from duty_letter n where n.tenant_id = l.tenant_id and n.revision_of = l.id)`;

export async function listLetters(db: Db | Tx, r: Reader, q: DutyLetterQuery) {
  let b = letters(db, r.tenantId).where((eb) => visible(eb, r));
  if (q.year) b = b.where('l.year', '=', q.year);
  if (q.level) b = b.where('l.level', '=', q.level);
  if (q.status) b = b.where('l.status', '=', q.status);
  if (q.orgId) {
    const orgId = q.orgId;
    b = b.where('l.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('tenant_id', '=', r.tenantId).where('ancestor_id', '=', orgId));
  }
  if (q.personId) {
    const personId = q.personId;
    b = b.where(sql<SqlBool>`exists (select 1 from duty_letter_party p where p.tenant_id = l.tenant_id and p.letter_id = l.id and p.person_id = ${personId})`);
  }
  if (!q.includeSuperseded) b = b.where(current);
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    b = b.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['l.title']), 'like', like),
        eb(eb.fn('lower', ['l.code']), 'like', like),
        eb(eb.fn('lower', ['o.name']), 'like', like),
        sql<SqlBool>`exists (select 1 from duty_letter_party p where p.tenant_id = l.tenant_id and p.letter_id = l.id and lower(p.person_name) like ${like})`,
      ]),
    );
  }
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    b.selectAll('l').select('o.name as org_name').select(supersededBy).orderBy('l.year', 'desc').orderBy('l.code').limit(pageSize).offset((page - 1) * pageSize).execute(),
    b.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as LetterListRow[], total: Number(total.n), page, pageSize };
}

/** The letters a person is a party to, those still waiting for their signature first. */
export async function listPartyLetters(db: Db | Tx, tenantId: string, personId: string, q: MyDutyLettersQuery): Promise<LetterListRow[]> {
  let b = letters(db, tenantId)
    .innerJoin('duty_letter_party as me', (j) => j.onRef('me.tenant_id', '=', 'l.tenant_id').onRef('me.letter_id', '=', 'l.id'))
    .where('me.person_id', '=', personId)
    .where(current);
  if (q.year) b = b.where('l.year', '=', q.year);
  if (q.pending) b = b.where('me.signed_at', 'is', null);
  const rows = await b
    .selectAll('l')
    .select('o.name as org_name')
    .select(supersededBy)
    .orderBy(sql`case when me.signed_at is null then 0 else 1 end`)
    .orderBy('l.year', 'desc')
    .orderBy('l.code')
    .limit(500)
    .execute();
  return rows as LetterListRow[];
}

export async function findLetter(db: Db | Tx, tenantId: string, id: string): Promise<LetterListRow | undefined> {
  return (await letters(db, tenantId).where('l.id', '=', id).selectAll('l').select('o.name as org_name').select(supersededBy).executeTakeFirst()) as LetterListRow | undefined;
}

export async function partiesOf(db: Db | Tx, tenantId: string, letterIds: string[]): Promise<PartyRow[]> {
  if (!letterIds.length) return [];
  return db.selectFrom('duty_letter_party').selectAll().where('tenant_id', '=', tenantId).where('letter_id', 'in', letterIds).orderBy('letter_id').orderBy('seq').execute();
}

/** The current letter of a year for one org and set of parties, if any. */
export async function findCurrentByKey(db: Db | Tx, tenantId: string, year: number, orgId: string, key: string) {
  return db
    .selectFrom('duty_letter as l')
    .select('l.id')
    .where('l.tenant_id', '=', tenantId)
    .where('l.year', '=', year)
    .where('l.org_id', '=', orgId)
    .where('l.party_key', '=', key)
    .where(current)
    .executeTakeFirst();
}

export async function currentLettersOfYear(db: Db | Tx, tenantId: string, year: number) {
  return db.selectFrom('duty_letter as l').select(['l.id', 'l.org_id', 'l.party_key']).where('l.tenant_id', '=', tenantId).where('l.year', '=', year).where(current).execute();
}

export async function insertLetter(tx: Tx, row: LetterRow, parties: PartyRow[]): Promise<void> {
  await tx.insertInto('duty_letter').values(row).execute();
  await tx.insertInto('duty_letter_party').values(parties).execute();
}

export async function updateLetter(tx: Tx, tenantId: string, id: string, patch: Partial<LetterRow>): Promise<void> {
  await tx.updateTable('duty_letter').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteLetter(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.deleteFrom('duty_letter_party').where('tenant_id', '=', tenantId).where('letter_id', '=', id).execute();
  await tx.deleteFrom('duty_letter').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function signParty(tx: Tx, tenantId: string, partyId: string, v: Pick<PartyRow, 'signed_at' | 'signer_account_id' | 'signature' | 'public_key'>): Promise<boolean> {
  const r = await tx.updateTable('duty_letter_party').set(v).where('tenant_id', '=', tenantId).where('id', '=', partyId).where('signed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- reference data for issuing

export async function orgsByIds(db: Db | Tx, tenantId: string, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('org').select(['id', 'name', 'kind', 'parent_id', 'status']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

/** People with the name of their primary org and whether they have an active account to sign with. */
export async function partyPeople(db: Db | Tx, tenantId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('person as p')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'p.tenant_id').onRef('o.id', '=', 'p.primary_org_id'))
    .select(['p.id', 'p.name', 'o.name as org_name'])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('user_account as u').select('u.id').whereRef('u.tenant_id', '=', 'p.tenant_id').whereRef('u.person_id', '=', 'p.id').where('u.status', '=', 'active'))
        .as('has_account'),
    )
    .where('p.tenant_id', '=', tenantId)
    .where('p.id', 'in', ids)
    .where('p.status', '=', 'active')
    .execute();
}

/** Current letters of a year the reader can see (optionally under one org), one row each, for the board. */
export async function boardRows(db: Db | Tx, r: Reader, year: number, orgId: string | undefined) {
  let b = letters(db, r.tenantId).where('l.year', '=', year).where(current).where((eb) => visible(eb, r));
  if (orgId) b = b.where('l.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('tenant_id', '=', r.tenantId).where('ancestor_id', '=', orgId));
  return b.select(['l.org_id', 'o.name as org_name', 'o.sort as org_sort', 'l.level', 'l.status']).execute();
}
