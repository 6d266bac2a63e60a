import type { FormItemRule, FormRules } from 'element-plus';
import type { ClueCategory, ClueReportedLevel, ClueSource, ComplaintToClue, RegisterClue } from '../../api/clues';
import { isFreeText, isMobile, isShortText, textLength } from '../complaints/text-rules';

type Translate = (key: string) => string;

/** The reported person: one from the people directory, or a typed name when the directory does not hold them. */
export interface ReportedForm {
  reportedFree: boolean;
  reportedPersonId: string | null;
  reportedName: string;
  reportedOrgId: string | null;
  reportedLevel: ClueReportedLevel | undefined;
}

export interface RegisterForm extends ReportedForm {
  source: ClueSource | null;
  named: boolean;
  reporterName: string;
  reporterMobile: string;
  reporterUnit: string;
  category: ClueCategory | null;
  summary: string;
  content: string;
  receivedOn: string | null;
  repeatOf: string | null;
}

export const blankReported = (): ReportedForm => ({ reportedFree: false, reportedPersonId: null, reportedName: '', reportedOrgId: null, reportedLevel: undefined });

export const blankRegister = (today: string): RegisterForm => ({
  ...blankReported(),
  source: null,
  named: false,
  reporterName: '',
  reporterMobile: '',
  reporterUnit: '',
  category: null,
  summary: '',
  content: '',
  receivedOn: today,
  repeatOf: null,
});

/** A check that passes empty values (the required rule speaks for those) and names its own problem. */
function check(t: Translate, test: (v: string) => boolean, key: string): FormItemRule {
  return { validator: (_r, v: unknown, cb) => (typeof v !== 'string' || v.trim() === '' || test(v.trim()) ? cb() : cb(new Error(t(key)))), trigger: 'blur' };
}

function minText(t: Translate, key: string): FormItemRule[] {
  return [
    { required: true, whitespace: true, message: t(key), trigger: 'blur' },
    { validator: (_r, v: unknown, cb) => (typeof v === 'string' && textLength(v.trim()) >= 2 ? cb() : cb(new Error(t(key)))), trigger: 'blur' },
    check(t, isFreeText, 'clues.register.textFree'),
  ];
}

export function reportedRules(t: Translate, f: ReportedForm): FormRules {
  return {
    reportedPersonId: f.reportedFree ? [] : [{ required: true, message: t('clues.register.reportedRequired'), trigger: 'change' }],
    reportedName: f.reportedFree
      ? [{ required: true, whitespace: true, message: t('clues.register.reportedRequired'), trigger: 'blur' }, check(t, isShortText, 'clues.register.textShort')]
      : [],
    reportedOrgId: [{ required: true, message: t('clues.register.orgRequired'), trigger: 'change' }],
    reportedLevel: [{ required: true, message: t('clues.register.levelRequired'), trigger: 'change' }],
  };
}

/** The summary and category both forms ask for. */
export function matterRules(t: Translate): FormRules {
  return {
    category: [{ required: true, message: t('clues.register.categoryRequired'), trigger: 'change' }],
    summary: minText(t, 'clues.register.summaryRequired'),
  };
}

export function registerRules(t: Translate, f: RegisterForm): FormRules {
  return {
    source: [{ required: true, message: t('clues.register.sourceRequired'), trigger: 'change' }],
    reporterName: f.named ? [{ required: true, whitespace: true, message: t('clues.register.reporterNameRequired'), trigger: 'blur' }, check(t, isShortText, 'clues.register.textShort')] : [],
    reporterMobile: f.named ? [check(t, isMobile, 'clues.register.mobileFormat')] : [],
    reporterUnit: f.named ? [check(t, isShortText, 'clues.register.textShort')] : [],
    ...reportedRules(t, f),
    ...matterRules(t),
    content: minText(t, 'clues.register.contentRequired'),
    receivedOn: [{ required: true, message: t('clues.register.receivedRequired'), trigger: 'change' }],
  };
}

type ReportedBody = Pick<RegisterClue, 'reportedPersonId' | 'reportedName' | 'reportedOrgId' | 'reportedLevel'>;

/** Exactly one of person id and typed name goes out, as the contract demands. */
export function reportedBody(f: ReportedForm): ReportedBody {
  const who = f.reportedFree ? { reportedName: f.reportedName.trim() } : { reportedPersonId: f.reportedPersonId ?? '' };
  return { ...who, reportedOrgId: f.reportedOrgId ?? '', reportedLevel: f.reportedLevel ?? 'below' };
}

/** An anonymous clue sends no reporter at all, whatever was typed before 匿名 was chosen. */
export function registerBody(f: RegisterForm): RegisterClue {
  const body: RegisterClue = {
    source: f.source ?? 'letter',
    named: f.named,
    ...reportedBody(f),
    category: f.category ?? 'work',
    summary: f.summary.trim(),
    content: f.content.trim(),
    receivedOn: f.receivedOn ?? '',
  };
  if (f.named) {
    const mobile = f.reporterMobile.trim();
    const unit = f.reporterUnit.trim();
    body.reporter = { name: f.reporterName.trim(), ...(mobile ? { mobile } : {}), ...(unit ? { unit } : {}) };
  }
  if (f.repeatOf) body.repeatOf = f.repeatOf;
  return body;
}

export function complaintToClueBody(f: ReportedForm & { category: ClueCategory | null; summary: string }): ComplaintToClue {
  return { category: f.category ?? 'work', ...reportedBody(f), summary: f.summary.trim() };
}
