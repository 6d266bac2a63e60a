import type { Db, Tx } from '../../../platform/context.js';
import type {
  ClueApprovalTable, ClueCheckTable, ClueEndingTable, ClueOutcomeTable, ClueProposalTable, ClueReporterContactTable, ClueShelveTable, ClueTalkInquiryTable,
  PersonDisciplineRecordTable,
} from './disposal.tables.js';

type Q = Db | Tx;

/** Every disposal row of some clues, oldest first, for the detail view, the clocks and the reminder job. */
export async function disposalRows(db: Q, tenantId: string, clueIds: string[]) {
  if (!clueIds.length) {
    return { proposals: [] as ClueProposalTable[], approvals: [] as ClueApprovalTable[], talks: [] as ClueTalkInquiryTable[], checks: [] as ClueCheckTable[], shelves: [] as ClueShelveTable[], endings: [] as ClueEndingTable[], outcomes: [] as ClueOutcomeTable[], contacts: [] as ClueReporterContactTable[] };
  }
  const [proposals, approvals, talks, checks, shelves, endings, outcomes, contacts] = await Promise.all([
    db.selectFrom('clue_proposal').selectAll().where('tenant_id', '=', tenantId).where('clue_id', 'in', clueIds).orderBy('id').execute(),
    db.selectFrom('clue_approval').selectAll().where('tenant_id', '=', tenantId).where('clue_id', 'in', clueIds).orderBy('id').execute(),
    db.selectFrom('clue_talk_inquiry').selectAll().where('tenant_id', '=', tenantId).where('clue_id', 'in', clueIds).orderBy('id').execute(),
    db.selectFrom('clue_check').selectAll().where('tenant_id', '=', tenantId).where('clue_id', 'in', clueIds).orderBy('id').execute(),
    db.selectFrom('clue_shelve').selectAll().where('tenant_id', '=', tenantId).where('clue_id', 'in', clueIds).orderBy('id').execute(),
    db.selectFrom('clue_ending').selectAll().where('tenant_id', '=', tenantId).where('clue_id', 'in', clueIds).orderBy('id').execute(),
    db.selectFrom('clue_outcome').selectAll().where('tenant_id', '=', tenantId).where('clue_id', 'in', clueIds).orderBy('id').execute(),
    db.selectFrom('clue_reporter_contact').selectAll().where('tenant_id', '=', tenantId).where('clue_id', 'in', clueIds).orderBy('id').execute(),
  ]);
  return { proposals, approvals, talks, checks, shelves, endings, outcomes, contacts };
}
export type DisposalRows = Awaited<ReturnType<typeof disposalRows>>;

/** The rows of one clue out of a bulk load. */
export function rowsOf(all: DisposalRows, clueId: string): DisposalRows {
  const of = <T extends { clue_id: string }>(xs: T[]) => xs.filter((x) => x.clue_id === clueId);
  return {
    proposals: of(all.proposals), approvals: of(all.approvals), talks: of(all.talks), checks: of(all.checks), shelves: of(all.shelves),
    endings: of(all.endings), outcomes: of(all.outcomes), contacts: of(all.contacts),
  };
}

export const latest = <T>(xs: T[]): T | undefined => xs[xs.length - 1];

export async function accountNames(db: Q, tenantId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('user_account').select(['id', 'display_name']).where('tenant_id', '=', tenantId).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Accounts among `ids` on the clue's list in one of `roles`. */
export async function listedAmong(db: Q, tenantId: string, clueId: string, ids: string[], roles: ('owner' | 'handler' | 'approver')[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('clue_access')
    .select('account_id')
    .where('tenant_id', '=', tenantId)
    .where('clue_id', '=', clueId)
    .where('removed_at', 'is', null)
    .where('role', 'in', roles)
    .where('account_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.account_id));
}

export async function insertProposal(tx: Tx, row: ClueProposalTable): Promise<void> {
  await tx.insertInto('clue_proposal').values(row).execute();
}

export async function updateProposal(tx: Tx, tenantId: string, id: string, patch: Partial<ClueProposalTable>): Promise<void> {
  await tx.updateTable('clue_proposal').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function insertApproval(tx: Tx, row: ClueApprovalTable): Promise<void> {
  await tx.insertInto('clue_approval').values(row).execute();
}

export async function insertTalk(tx: Tx, row: ClueTalkInquiryTable): Promise<void> {
  await tx.insertInto('clue_talk_inquiry').values(row).execute();
}

export async function updateTalk(tx: Tx, tenantId: string, id: string, patch: Partial<ClueTalkInquiryTable>): Promise<void> {
  await tx.updateTable('clue_talk_inquiry').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function insertCheck(tx: Tx, row: ClueCheckTable): Promise<void> {
  await tx.insertInto('clue_check').values(row).execute();
}

export async function updateCheck(tx: Tx, tenantId: string, id: string, patch: Partial<ClueCheckTable>): Promise<void> {
  await tx.updateTable('clue_check').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function insertShelve(tx: Tx, row: ClueShelveTable): Promise<void> {
  await tx.insertInto('clue_shelve').values(row).execute();
}

export async function updateShelve(tx: Tx, tenantId: string, id: string, patch: Partial<ClueShelveTable>): Promise<void> {
  await tx.updateTable('clue_shelve').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function insertEnding(tx: Tx, row: ClueEndingTable): Promise<void> {
  await tx.insertInto('clue_ending').values(row).execute();
}

export async function insertOutcome(tx: Tx, row: ClueOutcomeTable): Promise<void> {
  await tx.insertInto('clue_outcome').values(row).execute();
}

export async function insertDisciplineRecord(tx: Tx, row: PersonDisciplineRecordTable): Promise<void> {
  await tx.insertInto('person_discipline_record').values(row).execute();
}

export async function insertContact(tx: Tx, row: ClueReporterContactTable): Promise<void> {
  await tx.insertInto('clue_reporter_contact').values(row).execute();
}

export function disciplineRecordsOf(db: Q, tenantId: string, personId: string) {
  return db
    .selectFrom('person_discipline_record')
    .select(['id', 'form', 'measure', 'effect_from', 'effect_until', 'recorded_on'])
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .orderBy('recorded_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function findPersonOrg(db: Q, tenantId: string, personId: string) {
  return db.selectFrom('person').select(['id', 'primary_org_id']).where('tenant_id', '=', tenantId).where('id', '=', personId).executeTakeFirst();
}

export function tenantName(db: Q, tenantId: string) {
  return db.selectFrom('tenant').select('name').where('id', '=', tenantId).executeTakeFirstOrThrow();
}
