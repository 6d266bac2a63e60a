import type { OrgKind } from '../modules/orgs/orgs.tables.js';

/**
 * The demo bureau, modelled on the 2023 work report of 长江河道管理局 (局党总支, 党支部 with 党小组, 局属单位 and
 * 机关股室). A second seed run finds each org again by its parent and name.
 */
export interface DemoOrg {
  key: string;
  parent: string | null;
  kind: OrgKind;
  name: string;
  shortName: string;
}

const org = (key: string, parent: string | null, kind: OrgKind, name: string, shortName = name): DemoOrg => ({ key, parent, kind, name, shortName });

export const demoOrgs: DemoOrg[] = [
  org('bureau', null, 'bureau', '长江河道管理局', '河道局'),
  org('partyGeneral', 'bureau', 'party_general_branch', '中共长江河道管理局总支部委员会', '局党总支'),
  org('branchOffice', 'partyGeneral', 'party_branch', '机关党支部'),
  org('groupOffice1', 'branchOffice', 'party_group', '机关第一党小组'),
  org('groupOffice2', 'branchOffice', 'party_group', '机关第二党小组'),
  org('branchSluice', 'partyGeneral', 'party_branch', '闸站管理所党支部'),
  org('groupSluice1', 'branchSluice', 'party_group', '闸站运行党小组'),
  org('groupSluice2', 'branchSluice', 'party_group', '闸站维护党小组'),
  org('branchPatrol', 'partyGeneral', 'party_branch', '河道巡查党支部'),
  org('groupPatrol1', 'branchPatrol', 'party_group', '巡查一中队党小组'),
  org('groupPatrol2', 'branchPatrol', 'party_group', '巡查二中队党小组'),
  org('branchWorks', 'partyGeneral', 'party_branch', '工程水政联合党支部'),
  org('groupWorks1', 'branchWorks', 'party_group', '工程建设党小组'),
  org('groupWorks2', 'branchWorks', 'party_group', '水政监察党小组'),
  org('branchRetired', 'partyGeneral', 'party_branch', '离退休党支部'),
  org('groupRetired', 'branchRetired', 'party_group', '离退休党小组'),
  org('sluice', 'bureau', 'subordinate_unit', '闸站管理所'),
  org('sluiceOps', 'sluice', 'section', '运行调度股'),
  org('sluiceMaint', 'sluice', 'section', '设备维护股'),
  org('patrol', 'bureau', 'subordinate_unit', '河道巡查大队'),
  org('patrol1', 'patrol', 'section', '巡查一中队'),
  org('patrol2', 'patrol', 'section', '巡查二中队'),
  org('works', 'bureau', 'subordinate_unit', '工程建设管理站'),
  org('waterLaw', 'bureau', 'subordinate_unit', '水政监察大队'),
  org('office', 'bureau', 'section', '办公室'),
  org('finance', 'bureau', 'section', '财务股'),
  org('personnel', 'bureau', 'section', '人事股'),
  org('engineering', 'bureau', 'section', '工程管理股'),
  org('discipline', 'bureau', 'section', '纪检监察室'),
];

/** Where the people of each working unit sit, which 党支部 they belong to, and the posts (岗位) there. */
export interface DemoUnit {
  org: string;
  count: number;
  branch: string;
  groups: string[];
  /** First post is the head's; the others are shared out among the rest. */
  posts: [name: string, description: string][];
}

export const demoUnits: DemoUnit[] = [
  { org: 'office', count: 6, branch: 'branchOffice', groups: ['groupOffice1'], posts: [['办公室主任', '主持办公室工作，负责公文、会务和督办'], ['综合文秘岗', '公文起草、信息报送'], ['公务接待与车辆管理岗', '公务接待、公务用车调度与台账']] },
  { org: 'finance', count: 5, branch: 'branchOffice', groups: ['groupOffice1'], posts: [['财务股股长', '负责预算、决算和财务审核'], ['会计岗', '会计核算、报销审核'], ['出纳岗', '现金和银行账户管理']] },
  { org: 'personnel', count: 4, branch: 'branchOffice', groups: ['groupOffice2'], posts: [['人事股股长', '干部人事、组织工作'], ['薪酬与考核岗', '工资、奖励性绩效核算']] },
  { org: 'engineering', count: 6, branch: 'branchOffice', groups: ['groupOffice2'], posts: [['工程管理股股长', '工程技术管理'], ['工程技术岗', '堤防、护岸工程技术审查'], ['质量安全岗', '工程质量与安全生产监督']] },
  { org: 'discipline', count: 4, branch: 'branchOffice', groups: ['groupOffice2'], posts: [['纪检监察室主任', '主持纪检监察工作'], ['专职纪检岗', '监督检查、问题线索处置']] },
  { org: 'sluice', count: 3, branch: 'branchSluice', groups: ['groupSluice1'], posts: [['所长', '主持闸站管理所全面工作'], ['副所长', '协助所长分管运行与安全']] },
  { org: 'sluiceOps', count: 12, branch: 'branchSluice', groups: ['groupSluice1'], posts: [['运行调度股股长', '闸站运行调度管理'], ['闸门运行岗', '闸门启闭操作与值守'], ['安全生产岗', '安全检查与隐患整改']] },
  { org: 'sluiceMaint', count: 8, branch: 'branchSluice', groups: ['groupSluice2'], posts: [['设备维护股股长', '机电设备维护管理'], ['机电维修岗', '设备维修保养'], ['物资采购岗', '维修物资询价与采购']] },
  { org: 'patrol', count: 3, branch: 'branchPatrol', groups: ['groupPatrol1'], posts: [['大队长', '主持河道巡查大队全面工作'], ['执法记录岗', '巡查记录与执法文书管理']] },
  { org: 'patrol1', count: 10, branch: 'branchPatrol', groups: ['groupPatrol1'], posts: [['一中队队长', '一中队巡查管理'], ['河道巡查岗', '河道日常巡查、违法行为发现上报']] },
  { org: 'patrol2', count: 10, branch: 'branchPatrol', groups: ['groupPatrol2'], posts: [['二中队队长', '二中队巡查管理'], ['河道巡查岗', '河道日常巡查、违法行为发现上报']] },
  { org: 'works', count: 14, branch: 'branchWorks', groups: ['groupWorks1'], posts: [['站长', '主持工程建设管理站全面工作'], ['项目管理岗', '项目实施过程管理'], ['招标采购岗', '工程招标、政府采购'], ['质量监督岗', '工程质量检测与验收']] },
  { org: 'waterLaw', count: 14, branch: 'branchWorks', groups: ['groupWorks2'], posts: [['大队长', '主持水政监察大队全面工作'], ['水政执法岗', '水事违法案件查处'], ['涉河审批岗', '涉河建设项目许可审查']] },
];

/** Posts held inside each 党支部 (支部书记, 纪检委员) by members of that branch. */
export const branchPosts: [name: string, description: string][] = [
  ['党支部书记', '履行支部全面从严治党主体责任'],
  ['支部纪检委员', '协助支部书记开展监督执纪'],
];

/** 班子成员 with their 分管 orgs; the first is 局长 and 党总支书记. */
export const demoLeaders: { key: string; title: string; gender: 'male' | 'female'; oversees: string[] }[] = [
  { key: 'chief', title: '局长、党总支书记', gender: 'male', oversees: ['office', 'personnel'] },
  { key: 'deputy1', title: '副局长', gender: 'male', oversees: ['sluice', 'finance'] },
  { key: 'deputy2', title: '副局长', gender: 'female', oversees: ['patrol', 'waterLaw'] },
  { key: 'deputy3', title: '副局长', gender: 'male', oversees: ['works'] },
  { key: 'inspector', title: '党总支纪检委员', gender: 'female', oversees: ['discipline'] },
  { key: 'chiefEngineer', title: '总工程师', gender: 'male', oversees: ['engineering'] },
];

export const RETIREES = 15;
