import type { AccessTables } from './platform/access/access.tables.js';
import type { AuditTables } from './platform/audit/audit.tables.js';
import type { AuthTables } from './platform/auth/auth.tables.js';
import type { HttpTables } from './platform/http/http.tables.js';
import type { JobsTables } from './platform/jobs/jobs.tables.js';
import type { NotifyTables } from './platform/notify/notify.tables.js';
import type { SettingsTables } from './platform/settings/settings.tables.js';
import type { StorageTables } from './platform/storage/storage.tables.js';
import type { TenancyTables } from './platform/tenancy/tenancy.tables.js';
import type { SequenceTables } from './platform/db/sequence.tables.js';
import type { OrgsTables } from './modules/orgs/orgs.tables.js';
import type { PeopleTables } from './modules/people/people.tables.js';
import type { RectificationTables } from './modules/rectification/rectification.tables.js';
import type { InspectionsTables } from './modules/inspections/inspections.tables.js';
import type { ComplaintsTables } from './modules/complaints/complaints.tables.js';
import type { SigningTables } from './platform/signing/signing.tables.js';
import type { ClueStepsTables } from './modules/clues/steps/steps.tables.js';
import type { CluesTables } from './modules/clues/clues.tables.js';
import type { ClueDisposalTables } from './modules/clues/disposal/disposal.tables.js';
import type { DutyTasksTables } from './modules/duty-tasks/duty-tasks.tables.js';
import type { DutyLettersTables } from './modules/duty-letters/duty-letters.tables.js';
import type { AssessmentTables } from './modules/assessment/assessment.tables.js';

/** The whole database as Kysely sees it: each owner declares its tables beside its code. */
export interface DB
  extends TenancyTables,
    SequenceTables,
    AuditTables,
    SettingsTables,
    JobsTables,
    StorageTables,
    NotifyTables,
    HttpTables,
    AuthTables,
    AccessTables,
    OrgsTables,
    PeopleTables,
    RectificationTables,
    InspectionsTables,
    ComplaintsTables,
    SigningTables,
    ClueStepsTables,
    CluesTables,
    ClueDisposalTables,
    DutyLettersTables,
    AssessmentTables,
    DutyTasksTables {}
