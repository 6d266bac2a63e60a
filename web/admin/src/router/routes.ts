import type { RouteRecordRaw } from 'vue-router';
import type { Permission } from '../api/types';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (breadcrumb, document title). */
    titleKey?: string;
    /** i18n key of the parent group shown in the breadcrumb. */
    groupKey?: string;
    /** Reachable without a complete session (sign-in steps). */
    public?: boolean;
    /** The page needs any one of these permissions. */
    anyOf?: Permission[];
    /** Menu entry to highlight for a page that has none of its own (an item page under its list). */
    menuKey?: string;
  }
}

export const stepRoutes = { 'mfa-verify': 'mfa-verify', 'mfa-enrol': 'mfa-enrol', password: 'password-change' } as const;

export const routes: RouteRecordRaw[] = [
  {
    path: '/auth',
    component: () => import('../layouts/AuthLayout.vue'),
    children: [
      { path: '/login', name: 'login', component: () => import('../views/auth/LoginView.vue'), meta: { public: true, titleKey: 'auth.login.title' } },
      { path: '/setup', name: 'setup', component: () => import('../views/auth/SetupView.vue'), meta: { public: true, titleKey: 'auth.setup.title' } },
      { path: '/mfa/verify', name: 'mfa-verify', component: () => import('../views/auth/MfaVerifyView.vue'), meta: { public: true, titleKey: 'auth.mfaVerify.title' } },
      { path: '/mfa/enrol', name: 'mfa-enrol', component: () => import('../views/auth/MfaEnrolView.vue'), meta: { public: true, titleKey: 'auth.mfaEnrol.title' } },
      { path: '/password/change', name: 'password-change', component: () => import('../views/auth/PasswordChangeView.vue'), meta: { public: true, titleKey: 'auth.password.title' } },
    ],
  },
  {
    path: '/',
    component: () => import('../layouts/AdminLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('../views/home/HomeView.vue'), meta: { titleKey: 'menu.home' } },
      { path: 'rectification', name: 'rectification', component: () => import('../views/rectification/RectificationLedgerView.vue'), meta: { titleKey: 'menu.rectification', groupKey: 'menu.supervision', anyOf: ['rectification:read'] } },
      { path: 'rectification/summary', name: 'rectification-summary', component: () => import('../views/rectification/RectificationSummaryView.vue'), meta: { titleKey: 'menu.rectificationSummary', groupKey: 'menu.supervision', anyOf: ['rectification:read'] } },
      { path: 'rectification/:id', name: 'rectification-item', component: () => import('../views/rectification/RectificationItemView.vue'), meta: { titleKey: 'rectification.item.title', groupKey: 'menu.supervision', menuKey: 'rectification', anyOf: ['rectification:read'] } },
      { path: 'inspections', name: 'inspections', component: () => import('../views/inspections/PlansView.vue'), meta: { titleKey: 'menu.inspections', groupKey: 'menu.supervision', anyOf: ['inspection:read', 'inspection:manage', 'inspection:conduct'] } },
      { path: 'inspections/:id', name: 'inspection-plan', component: () => import('../views/inspections/PlanView.vue'), meta: { titleKey: 'inspections.plans.pageTitle', groupKey: 'menu.supervision', menuKey: 'inspections', anyOf: ['inspection:read', 'inspection:manage', 'inspection:conduct'] } },
      { path: 'inspection-records/:id', name: 'inspection-record', component: () => import('../views/inspections/RecordView.vue'), meta: { titleKey: 'inspections.records.pageTitle', groupKey: 'menu.supervision', menuKey: 'inspections', anyOf: ['inspection:read', 'inspection:manage', 'inspection:conduct'] } },
      { path: 'inspection-checklists', name: 'inspection-checklists', component: () => import('../views/inspections/ChecklistsView.vue'), meta: { titleKey: 'menu.inspectionChecklists', groupKey: 'menu.supervision', anyOf: ['checklist:manage', 'inspection:read', 'inspection:manage'] } },
      { path: 'complaints', name: 'complaints', component: () => import('../views/complaints/ComplaintInboxView.vue'), meta: { titleKey: 'menu.complaints', groupKey: 'menu.complaintsGroup', anyOf: ['complaint:read'] } },
      { path: 'complaints/new', name: 'complaint-intake', component: () => import('../views/complaints/ComplaintIntakeView.vue'), meta: { titleKey: 'menu.complaintIntake', groupKey: 'menu.complaintsGroup', anyOf: ['complaint:intake'] } },
      { path: 'complaints/stats', name: 'complaint-stats', component: () => import('../views/complaints/ComplaintStatsView.vue'), meta: { titleKey: 'menu.complaintStats', groupKey: 'menu.complaintsGroup', anyOf: ['complaint:stats'] } },
      { path: 'complaints/catalogue', name: 'complaint-catalogue', component: () => import('../views/complaints/CatalogueView.vue'), meta: { titleKey: 'menu.complaintCatalogue', groupKey: 'menu.complaintsGroup', anyOf: ['complaint:catalogue'] } },
      { path: 'complaints/:id', name: 'complaint', component: () => import('../views/complaints/ComplaintView.vue'), meta: { titleKey: 'complaints.item.title', groupKey: 'menu.complaintsGroup', menuKey: 'complaints', anyOf: ['complaint:read'] } },
      { path: 'clues', name: 'clues', component: () => import('../views/clues/ClueListView.vue'), meta: { titleKey: 'menu.clues', groupKey: 'menu.cluesGroup', anyOf: ['clue:read'] } },
      { path: 'clues/new', name: 'clue-register', component: () => import('../views/clues/ClueRegisterView.vue'), meta: { titleKey: 'menu.clueRegister', groupKey: 'menu.cluesGroup', anyOf: ['clue:register'] } },
      { path: 'clues/stats', name: 'clue-stats', component: () => import('../views/clues/ClueStatsView.vue'), meta: { titleKey: 'menu.clueStats', groupKey: 'menu.cluesGroup', anyOf: ['clue:stats'] } },
      { path: 'clues/custody', name: 'clue-custody', component: () => import('../views/clues/ClueCustodyView.vue'), meta: { titleKey: 'menu.clueCustody', groupKey: 'menu.cluesGroup', anyOf: ['clue:custody'] } },
      { path: 'clues/:id', name: 'clue-detail', component: () => import('../views/clues/detail/ClueDetailView.vue'), meta: { titleKey: 'clue-detail.title', groupKey: 'menu.cluesGroup', menuKey: 'clues', anyOf: ['clue:read'] } },
      { path: 'duty/letters', name: 'duty-board', component: () => import('../views/duty/letters/DutyBoardView.vue'), meta: { titleKey: 'menu.dutyBoard', groupKey: 'menu.dutyGroup', anyOf: ['duty:read'] } },
      { path: 'duty/letters/issue', name: 'duty-issue', component: () => import('../views/duty/letters/DutyIssueView.vue'), meta: { titleKey: 'duty.issue.title', groupKey: 'menu.dutyGroup', menuKey: 'duty-board', anyOf: ['duty:manage'] } },
      { path: 'duty/letters/mine', name: 'duty-mine', component: () => import('../views/duty/letters/MyLettersView.vue'), meta: { titleKey: 'menu.dutyMine', groupKey: 'menu.dutyGroup', anyOf: ['duty:sign'] } },
      { path: 'duty/letters/:id', name: 'duty-letter', component: () => import('../views/duty/letters/DutyLetterView.vue'), meta: { titleKey: 'duty.letter.title', groupKey: 'menu.dutyGroup', menuKey: 'duty-board', anyOf: ['duty:read', 'duty:sign'] } },
      { path: 'duty/templates', name: 'duty-templates', component: () => import('../views/duty/letters/DutyTemplatesView.vue'), meta: { titleKey: 'menu.dutyTemplates', groupKey: 'menu.dutyGroup', anyOf: ['duty:manage'] } },
      { path: 'duty/plans', name: 'duty-plans', component: () => import('../views/duty/tasks/DutyPlansView.vue'), meta: { titleKey: 'menu.dutyPlans', groupKey: 'menu.dutyGroup', anyOf: ['duty:read'] } },
      { path: 'duty/plans/:id', name: 'duty-plan', component: () => import('../views/duty/tasks/DutyPlanView.vue'), meta: { titleKey: 'duty.plans.pageTitle', groupKey: 'menu.dutyGroup', menuKey: 'duty-plans', anyOf: ['duty:read'] } },
      { path: 'duty/tasks', name: 'duty-tasks', component: () => import('../views/duty/tasks/DutyTasksView.vue'), meta: { titleKey: 'menu.dutyTasks', groupKey: 'menu.dutyGroup', anyOf: ['duty:read'] } },
      { path: 'duty/tasks/:id', name: 'duty-task', component: () => import('../views/duty/tasks/DutyTaskView.vue'), meta: { titleKey: 'duty.tasks.pageTitle', groupKey: 'menu.dutyGroup', menuKey: 'duty-tasks', anyOf: ['duty:read'] } },
      { path: 'duty/dual', name: 'dual-duty', component: () => import('../views/duty/dual/DualDutyListView.vue'), meta: { titleKey: 'menu.dualDuty', groupKey: 'menu.dutyGroup', anyOf: ['duty:read'] } },
      { path: 'duty/dual/:personId', name: 'dual-duty-person', component: () => import('../views/duty/dual/DualDutyView.vue'), meta: { titleKey: 'menu.dualDuty', groupKey: 'menu.dutyGroup', menuKey: 'dual-duty', anyOf: ['duty:read'] } },
      { path: 'assessment', name: 'assessments', component: () => import('../views/duty/assessment/AssessmentsView.vue'), meta: { titleKey: 'menu.assessments', groupKey: 'menu.assessmentGroup', anyOf: ['assessment:read'] } },
      { path: 'assessment/rubrics', name: 'assessment-rubrics', component: () => import('../views/duty/assessment/RubricsView.vue'), meta: { titleKey: 'menu.assessmentRubrics', groupKey: 'menu.assessmentGroup', anyOf: ['assessment:read'] } },
      { path: 'assessment/rubrics/new', name: 'assessment-rubric-new', component: () => import('../views/duty/assessment/RubricBuilderView.vue'), meta: { titleKey: 'assessment.builder.newTitle', groupKey: 'menu.assessmentGroup', menuKey: 'assessment-rubrics', anyOf: ['assessment:manage'] } },
      { path: 'assessment/rubrics/:id', name: 'assessment-rubric', component: () => import('../views/duty/assessment/RubricBuilderView.vue'), meta: { titleKey: 'assessment.builder.title', groupKey: 'menu.assessmentGroup', menuKey: 'assessment-rubrics', anyOf: ['assessment:read'] } },
      { path: 'assessment/compare', name: 'assessment-compare', component: () => import('../views/duty/assessment/CompareView.vue'), meta: { titleKey: 'menu.assessmentCompare', groupKey: 'menu.assessmentGroup', anyOf: ['assessment:read'] } },
      { path: 'assessment/:id', name: 'assessment', component: () => import('../views/duty/assessment/AssessmentView.vue'), meta: { titleKey: 'assessment.flow.title', groupKey: 'menu.assessmentGroup', menuKey: 'assessments', anyOf: ['assessment:read'] } },
      { path: 'orgs', name: 'orgs', component: () => import('../views/orgs/OrgsView.vue'), meta: { titleKey: 'menu.orgs', groupKey: 'menu.directory', anyOf: ['org:read'] } },
      { path: 'people', name: 'people', component: () => import('../views/people/PeopleView.vue'), meta: { titleKey: 'menu.people', groupKey: 'menu.directory', anyOf: ['person:read'] } },
      { path: 'posts', name: 'posts', component: () => import('../views/people/PostsView.vue'), meta: { titleKey: 'menu.posts', groupKey: 'menu.directory', anyOf: ['org:read'] } },
      { path: 'leaders', name: 'leaders', component: () => import('../views/people/LeadersView.vue'), meta: { titleKey: 'menu.leaders', groupKey: 'menu.directory', anyOf: ['org:read'] } },
      { path: 'users', name: 'users', component: () => import('../views/users/UsersView.vue'), meta: { titleKey: 'menu.users', groupKey: 'menu.access', anyOf: ['user:read'] } },
      { path: 'roles', name: 'roles', component: () => import('../views/roles/RolesView.vue'), meta: { titleKey: 'menu.roles', groupKey: 'menu.access', anyOf: ['role:read'] } },
      { path: 'assignments', name: 'assignments', component: () => import('../views/roles/AssignmentsView.vue'), meta: { titleKey: 'menu.assignments', groupKey: 'menu.access', anyOf: ['role:read'] } },
      { path: 'audit', name: 'audit', component: () => import('../views/audit/AuditView.vue'), meta: { titleKey: 'menu.audit', groupKey: 'menu.security', anyOf: ['audit:read'] } },
      { path: 'system/settings', name: 'settings', component: () => import('../views/system/SettingsView.vue'), meta: { titleKey: 'menu.settings', groupKey: 'menu.system', anyOf: ['setting:manage', 'security_policy:manage'] } },
      { path: 'system/dicts', name: 'dicts', component: () => import('../views/system/DictsView.vue'), meta: { titleKey: 'menu.dicts', groupKey: 'menu.system', anyOf: ['dict:manage'] } },
      { path: 'system/calendar', name: 'calendar', component: () => import('../views/system/CalendarView.vue'), meta: { titleKey: 'menu.calendar', groupKey: 'menu.system', anyOf: ['calendar:manage'] } },
      { path: 'system/jobs', name: 'jobs', component: () => import('../views/system/JobsView.vue'), meta: { titleKey: 'menu.jobs', groupKey: 'menu.system', anyOf: ['job:read'] } },
      { path: 'notifications', name: 'notifications', component: () => import('../views/notify/InboxView.vue'), meta: { titleKey: 'menu.notifications' } },
      { path: 'account/password', name: 'account-password', component: () => import('../views/account/AccountPasswordView.vue'), meta: { titleKey: 'menu.accountPassword', groupKey: 'menu.account' } },
      { path: 'account/mfa', name: 'account-mfa', component: () => import('../views/account/AccountMfaView.vue'), meta: { titleKey: 'menu.accountMfa', groupKey: 'menu.account' } },
      { path: 'forbidden', name: 'forbidden', component: () => import('../views/errors/ForbiddenView.vue'), meta: { titleKey: 'common.forbidden.title' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('../views/errors/NotFoundView.vue'), meta: { titleKey: 'common.notFound.title' } },
    ],
  },
];
