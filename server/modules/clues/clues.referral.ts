import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ClueReporterIdentity } from '../../../contracts/clues.js';
import { nowIso, today } from '../../platform/clock/clock.js';
import { userId, type Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { transact } from '../../platform/db/transact.js';
import { writeWorkbook } from '../../platform/excel/excel.js';
import { AppError } from '../../platform/http/errors.js';
import { t, type Locale } from '../../platform/i18n/i18n.js';
import { attachmentsOf } from '../../platform/storage/attachments.service.js';
import { appendClueStep } from './steps/steps.append.js';
import { identityAvailable } from './clues.actions.js';
import { auditClue } from './clues.audit.js';
import { identityState, reporterOf } from './clues.identity.js';
import { requireClue } from './clues.load.js';
import { findVisibleClue } from './clues.repo.js';
import { viewerOf } from './clues.recusal.js';
import { sealClue, unsealClue } from './clues.seal.js';

export type ReferralFormat = 'docx' | 'xlsx';

interface Line {
  label: string;
  value: string;
}

/**
 * The packet a higher (or competent) body receives: the clue's facts and content, its file list, and the
 * reporter's identity only when a custodian approved a request for the purpose `referral` (a live grant);
 * otherwise the reporter shows as 实名 withheld or 匿名. Each packet made is a signed step.
 */
export async function referralPacket(ctx: Ctx, clueId: string, format: ReferralFormat, recipient: string | undefined, locale: Locale): Promise<Buffer> {
  const lines = await transact(ctx, async (tx) => {
    const c = await requireClue(tx, ctx, clueId, ['owner', 'handler']);
    if (c.row.erased_at) throw new AppError('STATE_INVALID', { state: 'erased' });
    const v = (await viewerOf(tx, ctx))!;
    const [names, files, identity] = await Promise.all([findVisibleClue(tx, ctx.tenantId, v, clueId), attachmentsOf(tx, ctx, 'clue', clueId), identityState(tx, ctx, c)]);
    const grant = identity.grant?.purpose === 'referral' && identityAvailable(c) ? identity.grant : null;
    const reporter: ClueReporterIdentity | null = grant ? reporterOf(ctx, c, grant.grant_until!) : null;
    const r = c.row;
    const tr = (k: string) => t(locale, `clues.${k}`);
    const L = (k: string, value: string): Line => ({ label: tr(`referral.${k}`), value });
    const out: Line[] = [
      L('recipient', recipient ?? r.forward_recipient ?? ''),
      L('code', r.code),
      L('receivedOn', r.received_on),
      L('source', tr(`source.${r.source}`)),
      L('category', tr(`category.${r.category}`)),
      L('reportedName', names?.person_name ?? unsealClue(ctx, 'reported_name', r.id, r.reported_name_enc) ?? ''),
      L('reportedOrg', names?.org_name ?? ''),
      L('reportedLevel', tr(`level.${r.reported_level}`)),
      L('summary', unsealClue(ctx, 'summary', r.id, r.summary_enc) ?? ''),
      L('content', unsealClue(ctx, 'content', r.id, r.content_enc) ?? ''),
      L('reporter', reporter ? reporter.name : tr(r.named ? 'referral.withheld' : 'referral.anonymous')),
      ...(reporter ? [L('reporterMobile', reporter.mobile ?? ''), L('reporterUnit', reporter.unit ?? '')] : []),
      L('attachments', files.length ? files.map((f) => f.name).join('；') : tr('referral.none')),
      L('preparedOn', today(ctx.deps.clock)),
    ];
    // A packet that carries the reporter is a view of the identity like any other (借阅登记).
    if (reporter && grant) {
      const viewId = newId();
      await tx.insertInto('clue_identity_view').values({
        tenant_id: ctx.tenantId, id: viewId, clue_id: clueId, request_id: grant.id, account_id: userId(ctx)!,
        purpose_enc: sealClue(ctx, 'identity_view_purpose', viewId, t(locale, 'clues.referral.title'))!, at: nowIso(ctx.deps.clock),
      }).execute();
    }
    await appendClueStep(tx, ctx, clueId, 'referral_exported', { format, withIdentity: !!reporter, requestId: grant?.id ?? null, recipient: recipient ?? r.forward_recipient ?? null });
    await auditClue(tx, ctx, 'clue.referral', clueId);
    return out;
  });
  const title = t(locale, 'clues.referral.title');
  if (format === 'xlsx') {
    return writeWorkbook(title, [
      { header: '', value: (l: Line) => l.label, width: 18 },
      { header: title, value: (l) => l.value, width: 80 },
    ], lines);
  }
  const doc = new Document({
    creator: 'Qingfeng',
    sections: [{
      children: [
        new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: t(locale, 'clues.referral.intro') }),
        ...lines.map((l) => new Paragraph({ children: [new TextRun({ text: `${l.label}：`, bold: true }), new TextRun({ text: l.value })] })),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
