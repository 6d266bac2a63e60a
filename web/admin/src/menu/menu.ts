import type { Component } from 'vue';
import { Bell, Calendar, Collection, Document, House, Key, Lock, OfficeBuilding, Setting, Stamp, Timer, Tickets, User, UserFilled, Avatar, Postcard, Connection, Aim, List, Histogram, Search, Finished, ChatDotRound, Message, EditPen, DataAnalysis, Memo, Briefcase, Files, DocumentAdd, PieChart, Checked, Flag, DocumentChecked, Edit, Notebook, Operation, Share, Trophy, Medal, Reading, TrendCharts } from '@element-plus/icons-vue';
import type { Permission } from '../api/types';

export interface MenuItem {
  /** Route name for a leaf; a unique key for a group. */
  key: string;
  titleKey: string;
  icon: Component;
  /** Shown when the user holds any one of these; a group shows when any child does. */
  anyOf?: Permission[];
  children?: MenuItem[];
}

export const menu: MenuItem[] = [
  { key: 'home', titleKey: 'menu.home', icon: House },
  {
    key: 'supervision',
    titleKey: 'menu.supervision',
    icon: Aim,
    children: [
      { key: 'rectification', titleKey: 'menu.rectification', icon: List, anyOf: ['rectification:read'] },
      { key: 'rectification-summary', titleKey: 'menu.rectificationSummary', icon: Histogram, anyOf: ['rectification:read'] },
      { key: 'inspections', titleKey: 'menu.inspections', icon: Search, anyOf: ['inspection:read', 'inspection:manage', 'inspection:conduct'] },
      { key: 'inspection-checklists', titleKey: 'menu.inspectionChecklists', icon: Finished, anyOf: ['checklist:manage', 'inspection:read', 'inspection:manage'] },
    ],
  },
  {
    key: 'complaintsGroup',
    titleKey: 'menu.complaintsGroup',
    icon: ChatDotRound,
    children: [
      { key: 'complaints', titleKey: 'menu.complaints', icon: Message, anyOf: ['complaint:read'] },
      { key: 'complaint-intake', titleKey: 'menu.complaintIntake', icon: EditPen, anyOf: ['complaint:intake'] },
      { key: 'complaint-stats', titleKey: 'menu.complaintStats', icon: DataAnalysis, anyOf: ['complaint:stats'] },
      { key: 'complaint-catalogue', titleKey: 'menu.complaintCatalogue', icon: Memo, anyOf: ['complaint:catalogue'] },
    ],
  },
  {
    key: 'cluesGroup',
    titleKey: 'menu.cluesGroup',
    icon: Briefcase,
    children: [
      { key: 'clues', titleKey: 'menu.clues', icon: Files, anyOf: ['clue:read'] },
      { key: 'clue-register', titleKey: 'menu.clueRegister', icon: DocumentAdd, anyOf: ['clue:register'] },
      { key: 'clue-stats', titleKey: 'menu.clueStats', icon: PieChart, anyOf: ['clue:stats'] },
      { key: 'clue-custody', titleKey: 'menu.clueCustody', icon: Checked, anyOf: ['clue:custody'] },
    ],
  },
  {
    key: 'dutyGroup',
    titleKey: 'menu.dutyGroup',
    icon: Flag,
    children: [
      { key: 'duty-board', titleKey: 'menu.dutyBoard', icon: DocumentChecked, anyOf: ['duty:read'] },
      { key: 'duty-mine', titleKey: 'menu.dutyMine', icon: Edit, anyOf: ['duty:sign'] },
      { key: 'duty-templates', titleKey: 'menu.dutyTemplates', icon: Notebook, anyOf: ['duty:manage'] },
      { key: 'duty-plans', titleKey: 'menu.dutyPlans', icon: Operation, anyOf: ['duty:read'] },
      { key: 'duty-tasks', titleKey: 'menu.dutyTasks', icon: Checked, anyOf: ['duty:read'] },
      { key: 'dual-duty', titleKey: 'menu.dualDuty', icon: Share, anyOf: ['duty:read'] },
    ],
  },
  {
    key: 'assessmentGroup',
    titleKey: 'menu.assessmentGroup',
    icon: Trophy,
    children: [
      { key: 'assessments', titleKey: 'menu.assessments', icon: Medal, anyOf: ['assessment:read'] },
      { key: 'assessment-rubrics', titleKey: 'menu.assessmentRubrics', icon: Reading, anyOf: ['assessment:read'] },
      { key: 'assessment-compare', titleKey: 'menu.assessmentCompare', icon: TrendCharts, anyOf: ['assessment:read'] },
    ],
  },
  {
    key: 'directory',
    titleKey: 'menu.directory',
    icon: OfficeBuilding,
    children: [
      { key: 'orgs', titleKey: 'menu.orgs', icon: Connection, anyOf: ['org:read'] },
      { key: 'people', titleKey: 'menu.people', icon: User, anyOf: ['person:read'] },
      { key: 'posts', titleKey: 'menu.posts', icon: Postcard, anyOf: ['org:read'] },
      { key: 'leaders', titleKey: 'menu.leaders', icon: Avatar, anyOf: ['org:read'] },
    ],
  },
  {
    key: 'access',
    titleKey: 'menu.access',
    icon: Lock,
    children: [
      { key: 'users', titleKey: 'menu.users', icon: UserFilled, anyOf: ['user:read'] },
      { key: 'roles', titleKey: 'menu.roles', icon: Key, anyOf: ['role:read'] },
      { key: 'assignments', titleKey: 'menu.assignments', icon: Stamp, anyOf: ['role:read'] },
    ],
  },
  {
    key: 'security',
    titleKey: 'menu.security',
    icon: Document,
    children: [{ key: 'audit', titleKey: 'menu.audit', icon: Tickets, anyOf: ['audit:read'] }],
  },
  {
    key: 'system',
    titleKey: 'menu.system',
    icon: Setting,
    children: [
      { key: 'settings', titleKey: 'menu.settings', icon: Setting, anyOf: ['setting:manage', 'security_policy:manage'] },
      { key: 'dicts', titleKey: 'menu.dicts', icon: Collection, anyOf: ['dict:manage'] },
      { key: 'calendar', titleKey: 'menu.calendar', icon: Calendar, anyOf: ['calendar:manage'] },
      { key: 'jobs', titleKey: 'menu.jobs', icon: Timer, anyOf: ['job:read'] },
    ],
  },
  { key: 'notifications', titleKey: 'menu.notifications', icon: Bell },
];

/** The menu as one user sees it: items they lack every permission for are gone, and so are empty groups. */
export function filterMenu(items: readonly MenuItem[], canAny: (ps: readonly Permission[]) => boolean): MenuItem[] {
  const out: MenuItem[] = [];
  for (const item of items) {
    if (item.anyOf && !canAny(item.anyOf)) continue;
    if (item.children) {
      const children = filterMenu(item.children, canAny);
      if (children.length) out.push({ ...item, children });
      continue;
    }
    out.push(item);
  }
  return out;
}
