import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../contracts/common.js';
import { AddFinding, FindingParams, FindingToRectification, InspectionRecord, SaveResults } from '../../../contracts/inspections.js';
import { registerAttachmentOwner } from '../../platform/storage/attachment-owners.js';
import * as svc from './records.service.js';

registerAttachmentOwner(svc.PHOTO_OWNER, svc.mayReadPhotos);

const tags = ['inspections'];

/** Recorders are inspection:conduct holders reaching the org or the inspectors named on the plan or record. */
export const recordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/:id', { schema: { tags, params: IdParams, response: { 200: InspectionRecord } } }, async (req) => svc.getRecord(req.ctx, req.params.id));

  app.put(
    '/:id/results',
    { config: { audit: 'inspection_record.save_results' }, schema: { tags, params: IdParams, body: SaveResults, response: { 200: InspectionRecord } } },
    async (req) => svc.saveResults(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/:id/findings',
    { config: { audit: 'inspection_finding.create' }, schema: { tags, params: IdParams, body: AddFinding, response: { 200: InspectionRecord } } },
    async (req) => svc.addFinding(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/:id/findings/:findingId/rectification',
    { config: { permission: 'inspection:manage', audit: 'inspection_finding.rectify' }, schema: { tags, params: FindingParams, body: FindingToRectification, response: { 200: InspectionRecord } } },
    async (req) => svc.rectifyFinding(req.ctx, req.params.id, req.params.findingId, req.body),
  );
};
