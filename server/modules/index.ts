import type { FastifyInstance } from 'fastify';
import type { JobDef } from '../platform/jobs/job-def.js';
import { orgsRoutes } from './orgs/orgs.routes.js';
import { peopleRoutes } from './people/people.routes.js';
import { postsRoutes } from './people/posts.routes.js';
import { leadersRoutes } from './people/leaders.routes.js';
import { authRoutes } from '../platform/auth/auth.routes.js';
import { usersRoutes } from './accounts/users.routes.js';
import { permissionsRoutes, rolesRoutes } from './accounts/roles.routes.js';
import { assignmentsRoutes } from './accounts/assignments.routes.js';
import { attachmentRoutes } from '../platform/storage/attachments.routes.js';
import { storageJobs } from '../platform/storage/storage-jobs.js';
import { notifyRoutes } from '../platform/notify/notify.routes.js';
import { auditRoutes } from '../platform/audit/audit.routes.js';
import { settingsRoutes } from '../platform/settings/settings.routes.js';
import { dictsRoutes } from '../platform/settings/dicts.routes.js';
import { calendarRoutes } from '../platform/settings/calendar.routes.js';
import { jobsRoutes } from '../platform/settings/jobs.routes.js';
import { portalRoutes } from './portal/portal.routes.js';
import { rectificationRoutes } from './rectification/rectification.routes.js';
import { rectificationDigest } from './rectification/rectification.digest.js';
import { digestJob } from '../platform/notify/digest-job.js';
import { inspectionRoutes } from './inspections/inspections.routes.js';
import { complaintPortalRoutes } from './complaints/portal/portal.routes.js';
import { complaintRoutes } from './complaints/complaints.routes.js';
import { complaintCatalogueRoutes } from './complaints/complaints.catalogue.routes.js';
import { complaintDigest } from './complaints/complaints.digest.js';
import { complaintPortalJobs } from './complaints/portal/portal.jobs.js';
import { complaintJobs } from './complaints/complaints.jobs.js';
import { clueStepRoutes } from './clues/steps/steps.routes.js';
import { clueIdentityRequestRoutes, clueRoutes, complaintClueRoutes } from './clues/clues.routes.js';

/** Every business module's routes, each under its own prefix. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(usersRoutes, { prefix: '/api/users' });
  await app.register(permissionsRoutes, { prefix: '/api/permissions' });
  await app.register(rolesRoutes, { prefix: '/api/roles' });
  await app.register(assignmentsRoutes, { prefix: '/api/assignments' });
  await app.register(orgsRoutes, { prefix: '/api/orgs' });
  await app.register(peopleRoutes, { prefix: '/api/people' });
  await app.register(postsRoutes, { prefix: '/api/posts' });
  await app.register(leadersRoutes, { prefix: '/api/leaders' });
  await app.register(attachmentRoutes, { prefix: '/api/attachments' });
  await app.register(notifyRoutes, { prefix: '/api/notifications' });
  await app.register(auditRoutes, { prefix: '/api/audit' });
  await app.register(settingsRoutes, { prefix: '/api/settings' });
  await app.register(dictsRoutes, { prefix: '/api/dicts' });
  await app.register(calendarRoutes, { prefix: '/api/calendar' });
  await app.register(jobsRoutes, { prefix: '/api/jobs' });
  await app.register(portalRoutes, { prefix: '/api/portal' });
  await app.register(rectificationRoutes, { prefix: '/api/rectification' });
  await app.register(inspectionRoutes, { prefix: '/api' });
  await app.register(complaintPortalRoutes, { prefix: '/api/portal/complaints' });
  await app.register(complaintRoutes, { prefix: '/api/complaints' });
  await app.register(complaintCatalogueRoutes, { prefix: '/api/complaint-catalogue' });
  await app.register(clueStepRoutes, { prefix: '/api/clues' });
  await app.register(clueRoutes, { prefix: '/api/clues' });
  await app.register(clueIdentityRequestRoutes, { prefix: '/api/clue-identity-requests' });
  await app.register(complaintClueRoutes, { prefix: '/api/complaints' });
}

/** Every module's due items feed one daily digest per person. */
export const moduleJobs: JobDef[] = [...storageJobs, ...complaintPortalJobs, ...complaintJobs, digestJob([rectificationDigest, complaintDigest])];
