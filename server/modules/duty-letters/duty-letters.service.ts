import type {
  DutyLetter,
  DutyLetterPage,
  DutyLetterQuery,
  IssueDutyLetters,
  IssueResult,
  MyDutyLetters,
  MyDutyLettersQuery,
  ReviseDutyLetter,
  UpdateDutyLetter,
} from '../../../contracts/duty-letters.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { can } from '../../platform/access/scope.js';
import { nowIso } from '../../platform/clock/clock.js';
import { userId, type Ctx, type Db, type Tx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { lockRows } from '../../platform/db/lock.js';
import { nextSequence, registerCode } from '../../platform/db/sequence.js';
import { transact } from '../../platform/db/transact.js';
import { AppError, invalidState, notFound } from '../../platform/http/errors.js';
import { loadSignerKeys } from '../../platform/signing/signer-keys.js';
import { contentHash, fillTemplate, partyKey, type LetterText } from './duty-letters.content.js';
import { authorizeLetterRead, authorizeManage, canManageOrg, myPersonId, reader } from './duty-letters.policy.js';
import { presentLetter, presentSummary } from './duty-letters.present.js';
import * as repo from './duty-letters.repo.js';

const CODE_PREFIX = 'ZRS';

export async function listLetters(ctx: Ctx, q: DutyLetterQuery): Promise<DutyLetterPage> {
  const { rows, ...page } = await repo.listLetters(ctx.deps.db, reader(ctx), q);
  const parties = await repo.partiesOf(ctx.deps.db, ctx.tenantId, rows.map((r) => r.id));
  return { items: rows.map((r) => presentSummary(r, parties, myPersonId(ctx))), ...page };
}

export async function myLetters(ctx: Ctx, q: MyDutyLettersQuery): Promise<MyDutyLetters> {
  const me = myPersonId(ctx);
  if (!me) return { items: [] };
  const rows = await repo.listPartyLetters(ctx.deps.db, ctx.tenantId, me, q);
  const parties = await repo.partiesOf(ctx.deps.db, ctx.tenantId, rows.map((r) => r.id));
  return { items: rows.map((r) => presentSummary(r, parties, me)) };
}

/** A letter and its parties as the caller may see them (404 otherwise). */
export async function loadLetter(db: Db | Tx, ctx: Ctx, id: string) {
  const letter = await repo.findLetter(db, ctx.tenantId, id);
  const parties = letter ? await repo.partiesOf(db, ctx.tenantId, [letter.id]) : [];
  await authorizeLetterRead(db, ctx, letter, parties);
  return { letter: letter!, parties };
}

/** The same, holding the letter until the transaction ends: two changes of one letter decide one after the other. */
export async function lockLetter(tx: Tx, ctx: Ctx, id: string) {
  await lockRows(tx, 'duty_letter', ctx.tenantId, [id]);
  return loadLetter(tx, ctx, id);
}

export async function getLetter(ctx: Ctx, id: string, db: Db | Tx = ctx.deps.db): Promise<DutyLetter> {
  const { letter, parties } = await loadLetter(db, ctx, id);
  const [template] = await repo.findTemplates(db, ctx.tenantId, [letter.template_id]);
  const keys = await loadSignerKeys(db, ctx.deps, ctx.tenantId, parties.flatMap((p) => (p.signer_account_id ? [p.signer_account_id] : [])));
  const me = myPersonId(ctx);
  const actions: DutyLetter['actions'] = [];
  const live = letter.superseded_by === null;
  if (live && can(ctx.actor, 'duty:sign') && parties.some((p) => p.person_id === me && !p.signed_at)) actions.push('sign');
  if (live && can(ctx.actor, 'duty:manage') && (await canManageOrg(db, ctx, letter.org_id))) {
    actions.push(...(letter.status === 'issued' ? (['edit', 'withdraw'] as const) : (['revise'] as const)));
  }
  return presentLetter(ctx.deps, ctx.tenantId, { ...letter, template_name: template?.name ?? '' }, parties, keys, me, actions);
}

interface NewLetter {
  year: number;
  level: repo.LetterRow['level'];
  orgId: string;
  templateId: string;
  text: LetterText;
  labels: string[];
  people: { id: string; name: string; org_name: string }[];
  revisionOf: string | null;
  revisionReason: string;
}

async function insertNewLetter(tx: Tx, ctx: Ctx, n: NewLetter): Promise<string> {
  const seq = await nextSequence(tx, ctx.tenantId, 'duty_letter', n.year);
  const code = registerCode(CODE_PREFIX, n.year, seq);
  const id = newId();
  const at = nowIso(ctx.deps.clock);
  const parties: repo.PartyRow[] = n.people.map((p, i) => ({
    tenant_id: ctx.tenantId,
    id: newId(),
    letter_id: id,
    seq: i + 1,
    label: n.labels[i]!,
    person_id: p.id,
    person_name: p.name,
    org_name: p.org_name,
    signed_at: null,
    signer_account_id: null,
    signature: null,
    public_key: null,
  }));
  const hash = contentHash(ctx.deps.crypto, {
    code,
    year: n.year,
    level: n.level,
    orgId: n.orgId,
    ...n.text,
    parties: parties.map((p) => ({ seq: p.seq, label: p.label, personId: p.person_id, name: p.person_name, orgName: p.org_name })),
  });
  await repo.insertLetter(
    tx,
    {
      tenant_id: ctx.tenantId,
      id,
      code,
      year: n.year,
      level: n.level,
      org_id: n.orgId,
      template_id: n.templateId,
      title: n.text.title,
      preamble: n.text.preamble,
      duties: JSON.stringify(n.text.duties),
      closing: n.text.closing,
      content_hash: hash,
      party_key: partyKey(n.people.map((p) => p.id)),
      status: 'issued',
      revision_of: n.revisionOf,
      revision_reason: n.revisionReason,
      issued_by: userId(ctx),
      issued_at: at,
      signed_at: null,
      updated_at: at,
    },
    parties,
  );
  return id;
}

/** People who will sign: each must exist and have an active account (an electronic signature needs one). */
async function signers(db: Db | Tx, ctx: Ctx, personIds: string[]) {
  const people = new Map((await repo.partyPeople(db, ctx.tenantId, [...new Set(personIds)])).map((p) => [p.id, p]));
  for (const id of personIds) {
    const p = people.get(id);
    if (!p) throw notFound('person');
    if (!p.has_account) throw new AppError('DUTY_PARTY_NO_ACCOUNT', { personId: id });
  }
  return people;
}

/** Issues every letter asked for in one transaction, or none. */
export async function issueLetters(ctx: Ctx, input: IssueDutyLetters): Promise<IssueResult> {
  const db = ctx.deps.db;
  const orgs = new Map((await repo.orgsByIds(db, ctx.tenantId, [...new Set(input.letters.map((l) => l.orgId))])).map((o) => [o.id, o]));
  const templates = new Map((await repo.findTemplates(db, ctx.tenantId, [...new Set(input.letters.map((l) => l.templateId))])).map((t) => [t.id, t]));
  const people = await signers(db, ctx, input.letters.flatMap((l) => l.partyPersonIds));
  const seen = new Set<string>();
  for (const [i, l] of input.letters.entries()) {
    if (!orgs.has(l.orgId)) throw notFound('org');
    if (!templates.has(l.templateId)) throw notFound('duty_letter_template');
    await authorizeManage(db, ctx, l.orgId);
    if ((JSON.parse(templates.get(l.templateId)!.signature_labels) as string[]).length < l.partyPersonIds.length) {
      throw new AppError('VALIDATION_FAILED', { field: `letters/${i}/partyPersonIds` });
    }
    const key = `${l.orgId}|${partyKey(l.partyPersonIds)}`;
    if (seen.has(key)) throw new AppError('DUPLICATE', { field: `letters/${i}` });
    seen.add(key);
  }
  return transact(ctx, async (tx) => {
    // Two batches naming the same org at once would both find no current letter; the second waits for the first.
    await lockRows(tx, 'org', ctx.tenantId, [...orgs.keys()]);
    const ids: string[] = [];
    for (const [i, l] of input.letters.entries()) {
      if (await repo.findCurrentByKey(tx, ctx.tenantId, input.year, l.orgId, partyKey(l.partyPersonIds))) {
        throw new AppError('DUPLICATE', { field: `letters/${i}` });
      }
      const t = templates.get(l.templateId)!;
      const org = orgs.get(l.orgId)!;
      const text = fillTemplate({ title: t.title, preamble: t.preamble, duties: JSON.parse(t.duties) as string[], closing: t.closing }, input.year, org.name);
      ids.push(
        await insertNewLetter(tx, ctx, {
          year: input.year,
          level: l.level,
          orgId: l.orgId,
          templateId: l.templateId,
          text,
          labels: JSON.parse(t.signature_labels) as string[],
          people: l.partyPersonIds.map((id) => people.get(id)!),
          revisionOf: null,
          revisionReason: '',
        }),
      );
    }
    await writeAudit(tx, ctx, { action: 'duty_letter.issue', objectType: 'duty_letter', details: { year: input.year, count: ids.length, ids } });
    return { created: ids.length, ids };
  });
}

function patchText(letter: repo.LetterRow, input: UpdateDutyLetter): LetterText {
  return {
    title: input.title ?? letter.title,
    preamble: input.preamble ?? letter.preamble,
    duties: input.duties ?? (JSON.parse(letter.duties) as string[]),
    closing: input.closing ?? letter.closing,
  };
}

/** Editing is for a letter nobody has signed yet; after the first signature only a revision changes it. */
export async function updateLetter(ctx: Ctx, id: string, input: UpdateDutyLetter): Promise<DutyLetter> {
  await transact(ctx, async (tx) => {
    const { letter, parties } = await lockLetter(tx, ctx, id);
    await authorizeManage(tx, ctx, letter.org_id);
    if (letter.status !== 'issued') throw invalidState(letter.status);
    const text = patchText(letter, input);
    const hash = contentHash(ctx.deps.crypto, {
      code: letter.code,
      year: letter.year,
      level: letter.level,
      orgId: letter.org_id,
      ...text,
      parties: parties.map((p) => ({ seq: p.seq, label: p.label, personId: p.person_id, name: p.person_name, orgName: p.org_name })),
    });
    await repo.updateLetter(tx, ctx.tenantId, id, { ...text, duties: JSON.stringify(text.duties), content_hash: hash, updated_at: nowIso(ctx.deps.clock) });
    await writeAudit(tx, ctx, { action: 'duty_letter.update', objectType: 'duty_letter', objectId: id, details: { fields: Object.keys(input) } });
  });
  return getLetter(ctx, id);
}

export async function withdrawLetter(ctx: Ctx, id: string): Promise<void> {
  await transact(ctx, async (tx) => {
    const { letter } = await lockLetter(tx, ctx, id);
    await authorizeManage(tx, ctx, letter.org_id);
    if (letter.status !== 'issued') throw invalidState(letter.status);
    await repo.deleteLetter(tx, ctx.tenantId, id);
    await writeAudit(tx, ctx, { action: 'duty_letter.withdraw', objectType: 'duty_letter', objectId: id, details: { code: letter.code } });
  });
}

/** A new letter with the same parties (names as they are now) replacing one somebody signed; the old one is left untouched. */
export async function reviseLetter(ctx: Ctx, id: string, input: ReviseDutyLetter): Promise<DutyLetter> {
  const revisionId = await transact(ctx, async (tx) => {
    const { letter, parties } = await lockLetter(tx, ctx, id);
    await authorizeManage(tx, ctx, letter.org_id);
    if (letter.superseded_by) throw invalidState('superseded');
    if (letter.status === 'issued') throw invalidState(letter.status);
    const people = await signers(tx, ctx, parties.map((p) => p.person_id));
    const { reason, ...text } = input;
    try {
      const created = await insertNewLetter(tx, ctx, {
        year: letter.year,
        level: letter.level,
        orgId: letter.org_id,
        templateId: letter.template_id,
        text: patchText(letter, text),
        labels: parties.map((p) => p.label),
        people: parties.map((p) => people.get(p.person_id)!),
        revisionOf: letter.id,
        revisionReason: reason,
      });
      await writeAudit(tx, ctx, { action: 'duty_letter.revise', objectType: 'duty_letter', objectId: created, details: { revisionOf: letter.id } });
      return created;
    } catch (e) {
      if (isUniqueViolation(e)) throw invalidState('superseded');
      throw e;
    }
  });
  return getLetter(ctx, revisionId);
}
