import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../../contracts/common.js';
import {
  Clue, ClueApproval, ClueCheckExtension, ClueCheckFindings, ClueCheckPlan, ClueCheckReport, ClueCheckin, ClueClose, ClueCloseNoAction, ClueLetter,
  ClueNotice, ClueNoticeLetter, ClueNoticeParams, ClueObjection, ClueOutcome, ClueProposal, ClueReply, ClueReview, ClueShelve, ClueSpotCheck,
  ClueSpotCheckDraw, ClueSpotCheckDrawResult, ClueStudy, ClueTalk, ClueTalkPlan, ClueTransfer, DisciplineRecordList,
} from '../../../../contracts/clues.js';
import { ClueMeasureCatalogue } from '../../../../contracts/clue-measures.js';
import { pickLocale } from '../../../platform/i18n/i18n.js';
import { loadSettings } from '../../../platform/settings/settings.js';
import { registerDisposalView } from '../clues.disposal-view.js';
import { planCheck, extendCheck, recordFindings, reportCheck } from './disposal.check.js';
import { approveDisposal, proposeDisposal, studyDisposal } from './disposal.decide.js';
import { drawSpotChecks } from './disposal.draw.js';
import { closeNoAction, reviewShelved, shelveClue, transferClue } from './disposal.end.js';
import { listDisciplineRecords, recordOutcome } from './disposal.outcome.js';
import { closeClue, noticeLetter, recordCheckin, recordNotice, recordObjection } from './disposal.reporter.js';
import { planTalkInquiry, recordLetter, recordReply, recordSpotCheck, recordTalk } from './disposal.talk.js';
import { disposalView } from './disposal.view.js';

registerDisposalView(disposalView);

const tags = ['clues'];
const manage = (audit: string) => ({ permission: 'clue:manage' as const, audit });

/** Disposal of a clue (C), under /api/clues beside the core routes: each step answers with the fresh clue. */
export const clueDisposalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The tenant's configured 四种形态 measures, for the outcome form: the settings route is the 系统管理员's.
  app.get('/measures', { config: { permission: 'clue:manage' }, schema: { tags, response: { 200: ClueMeasureCatalogue } } }, async (req) =>
    (await loadSettings(req.ctx.deps.db, req.ctx.tenantId))['system.clue.outcomeMeasures'],
  );
  app.post('/:id/proposal', { config: manage('clue.propose'), schema: { tags, params: IdParams, body: ClueProposal, response: { 200: Clue } } }, async (req) => proposeDisposal(req.ctx, req.params.id, req.body));
  app.post('/:id/study', { config: manage('clue.study'), schema: { tags, params: IdParams, body: ClueStudy, response: { 200: Clue } } }, async (req) => studyDisposal(req.ctx, req.params.id, req.body));
  app.post('/:id/approval', { config: { permission: 'clue:approve', audit: 'clue.approve' }, schema: { tags, params: IdParams, body: ClueApproval, response: { 200: Clue } } }, async (req) =>
    approveDisposal(req.ctx, req.params.id, req.body),
  );

  app.post('/:id/talk-inquiry/plan', { config: manage('clue.talk_plan'), schema: { tags, params: IdParams, body: ClueTalkPlan, response: { 200: Clue } } }, async (req) => planTalkInquiry(req.ctx, req.params.id, req.body));
  app.post('/:id/talk-inquiry/talk', { config: manage('clue.talk'), schema: { tags, params: IdParams, body: ClueTalk, response: { 200: Clue } } }, async (req) => recordTalk(req.ctx, req.params.id, req.body));
  app.post('/:id/talk-inquiry/letter', { config: manage('clue.letter'), schema: { tags, params: IdParams, body: ClueLetter, response: { 200: Clue } } }, async (req) => recordLetter(req.ctx, req.params.id, req.body));
  app.post('/:id/talk-inquiry/reply', { config: manage('clue.reply'), schema: { tags, params: IdParams, body: ClueReply, response: { 200: Clue } } }, async (req) => recordReply(req.ctx, req.params.id, req.body));
  app.post('/spot-checks/draw', { config: manage('clue.spot_draw'), schema: { tags, body: ClueSpotCheckDraw, response: { 200: ClueSpotCheckDrawResult } } }, async (req) => drawSpotChecks(req.ctx, req.body));
  app.post('/:id/spot-check', { config: manage('clue.spot_check'), schema: { tags, params: IdParams, body: ClueSpotCheck, response: { 200: Clue } } }, async (req) => recordSpotCheck(req.ctx, req.params.id, req.body));

  app.post('/:id/preliminary-check/plan', { config: manage('clue.check_plan'), schema: { tags, params: IdParams, body: ClueCheckPlan, response: { 200: Clue } } }, async (req) => planCheck(req.ctx, req.params.id, req.body));
  app.post('/:id/preliminary-check/extension', { config: manage('clue.check_extend'), schema: { tags, params: IdParams, body: ClueCheckExtension, response: { 200: Clue } } }, async (req) => extendCheck(req.ctx, req.params.id, req.body));
  app.post('/:id/preliminary-check/findings', { config: manage('clue.check_findings'), schema: { tags, params: IdParams, body: ClueCheckFindings, response: { 200: Clue } } }, async (req) => recordFindings(req.ctx, req.params.id, req.body));
  app.post('/:id/preliminary-check/report', { config: manage('clue.check_report'), schema: { tags, params: IdParams, body: ClueCheckReport, response: { 200: Clue } } }, async (req) => reportCheck(req.ctx, req.params.id, req.body));

  app.post('/:id/shelve', { config: manage('clue.shelve'), schema: { tags, params: IdParams, body: ClueShelve, response: { 200: Clue } } }, async (req) => shelveClue(req.ctx, req.params.id, req.body));
  app.post('/:id/review', { config: manage('clue.review'), schema: { tags, params: IdParams, body: ClueReview, response: { 200: Clue } } }, async (req) => reviewShelved(req.ctx, req.params.id, req.body));
  app.post('/:id/close-no-action', { config: manage('clue.close_no_action'), schema: { tags, params: IdParams, body: ClueCloseNoAction, response: { 200: Clue } } }, async (req) => closeNoAction(req.ctx, req.params.id, req.body));
  app.post('/:id/transfer', { config: manage('clue.transfer'), schema: { tags, params: IdParams, body: ClueTransfer, response: { 200: Clue } } }, async (req) => transferClue(req.ctx, req.params.id, req.body));

  app.post('/:id/outcome', { config: manage('clue.outcome'), schema: { tags, params: IdParams, body: ClueOutcome, response: { 200: Clue } } }, async (req) => recordOutcome(req.ctx, req.params.id, req.body));
  app.post('/:id/close', { config: manage('clue.close'), schema: { tags, params: IdParams, body: ClueClose, response: { 200: Clue } } }, async (req) => closeClue(req.ctx, req.params.id, req.body));
  app.post('/:id/notices', { config: manage('clue.notice'), schema: { tags, params: IdParams, body: ClueNotice, response: { 200: Clue } } }, async (req) => recordNotice(req.ctx, req.params.id, req.body));
  app.get('/:id/notices/:kind/letter', { config: { permission: 'clue:manage' }, schema: { tags, params: ClueNoticeParams, response: { 200: ClueNoticeLetter } } }, async (req) =>
    noticeLetter(req.ctx, req.params.id, req.params.kind, pickLocale(req.headers['accept-language'])),
  );
  app.post('/:id/objection', { config: manage('clue.objection'), schema: { tags, params: IdParams, body: ClueObjection, response: { 200: Clue } } }, async (req) => recordObjection(req.ctx, req.params.id, req.body));
  app.post('/:id/checkins', { config: manage('clue.checkin'), schema: { tags, params: IdParams, body: ClueCheckin, response: { 200: Clue } } }, async (req) => recordCheckin(req.ctx, req.params.id, req.body));
};

/** A person's discipline records, under /api/people: form, measure and dates, nothing of the clue. */
export const disciplineRecordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/:id/discipline-records', { config: { permission: 'discipline_record:read' }, schema: { tags: ['people'], params: IdParams, response: { 200: DisciplineRecordList } } }, async (req) =>
    listDisciplineRecords(req.ctx, req.params.id),
  );
};
