import type { RouteCase } from './route-case.js';
import { httpCases } from '../platform/http/http.cases.js';
import { orgCases } from '../modules/orgs/orgs.cases.js';
import { peopleCases } from '../modules/people/people.cases.js';
import { authCases } from '../platform/auth/auth.cases.js';
import { attachmentCases } from '../platform/storage/attachments.cases.js';
import { notifyCases } from '../platform/notify/notify.cases.js';
import { accountCases } from '../modules/accounts/accounts.cases.js';
import { auditCases } from '../platform/audit/audit.cases.js';
import { settingsCases } from '../platform/settings/settings.cases.js';
import { portalCases } from '../modules/portal/portal.cases.js';
import { rectificationCases } from '../modules/rectification/rectification.cases.js';
import { inspectionCases } from '../modules/inspections/inspections.cases.js';
import { complaintPortalCases } from '../modules/complaints/portal/portal.cases.js';
import { complaintCases } from '../modules/complaints/complaints.cases.js';
import { clueStepCases } from '../modules/clues/steps/steps.cases.js';
import { clueCases } from '../modules/clues/clues.cases.js';
import { disposalCases } from '../modules/clues/disposal/disposal.cases.js';
import { dutyTaskCases } from '../modules/duty-tasks/duty-tasks.cases.js';
import { assessmentCases } from '../modules/assessment/assessment.cases.js';
import { dutyLetterCases } from '../modules/duty-letters/duty-letters.cases.js';

/** Every route's case, gathered from the modules that own them. */
export const allCases: RouteCase[] = [...httpCases, ...authCases, ...accountCases, ...orgCases, ...peopleCases, ...auditCases, ...settingsCases, ...attachmentCases, ...notifyCases, ...portalCases, ...rectificationCases, ...inspectionCases, ...complaintPortalCases, ...complaintCases, ...clueStepCases, ...clueCases, ...disposalCases, ...assessmentCases, ...dutyTaskCases, ...dutyLetterCases];
