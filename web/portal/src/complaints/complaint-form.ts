import type { PortalComplaint } from '../../../../contracts/complaints';
import { isPlain, isText } from '../../../../contracts/text-formats';

/** What the reporter has filled in so far; strings stay as typed until `complaintBody` tidies them. */
export interface ComplaintDraft {
  categoryId: string | null;
  matterId: string | null;
  orgId: string | null;
  content: string;
  happenedOn: string;
  anonymous: boolean;
  name: string;
  mobile: string;
}

export function emptyDraft(): ComplaintDraft {
  return { categoryId: null, matterId: null, orgId: null, content: '', happenedOn: '', anonymous: true, name: '', mobile: '' };
}

/** The limits of contracts/complaints.ts PortalComplaint, so the form says no before the server does. */
export const CONTENT_MIN = 10;
export const CONTENT_MAX = 5000;
export const NAME_MAX = 30;

/**
 * Attachment hints. The server sniffs every file and applies its own limits; the per-file size comes with the
 * catalogue (system.uploads.maxMegabytes), so the form names the real limit and spares a reporter a long
 * upload that would be refused.
 */
export const MAX_FILES = 5;
const MIB = 1024 * 1024;

export function megabytes(n: number): number {
  return n * MIB;
}
const ACCEPTED: Record<string, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};
export const ACCEPT_ATTR = [...Object.keys(ACCEPTED), ...Object.values(ACCEPTED).flat().map((e) => `.${e}`)].join(',');

export type DraftField = 'matter' | 'org' | 'content' | 'happenedOn' | 'name' | 'mobile' | 'captcha';
/** Field → locale key of the message under `complaint.errors`. */
export type DraftErrors = Partial<Record<DraftField, string>>;

/** Length as the server's validator counts it: code points, so one emoji or rare character is one. */
export function textLength(s: string): number {
  return [...s].length;
}

const FULLWIDTH_DIGIT = /[\uFF10-\uFF19]/g;

/** Phone keyboards add spaces and dashes, and Chinese input methods full-width digits. */
export function normalizeMobile(input: string): string {
  return input.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30)).replace(/[\s\u3000-]/g, '');
}

/** A real calendar date, not after today. */
function dateProblem(value: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return 'date';
  return value > today ? 'future' : null;
}

/** Every rule the form checks before sending; an empty object means it may be sent. */
export function validateDraft(d: ComplaintDraft, today: string, captcha: string | null): DraftErrors {
  const errors: DraftErrors = {};
  if (!d.matterId) errors.matter = 'matterRequired';
  if (!d.orgId) errors.org = 'orgRequired';
  const content = d.content.trim();
  if (textLength(content) < CONTENT_MIN) errors.content = content ? 'contentShort' : 'contentRequired';
  else if (textLength(content) > CONTENT_MAX) errors.content = 'contentLong';
  else if (!isText(content)) errors.content = 'invalidChars';
  if (d.happenedOn) {
    const p = dateProblem(d.happenedOn, today);
    if (p) errors.happenedOn = p;
  }
  if (!d.anonymous) {
    const name = d.name.trim();
    if (!name) errors.name = 'nameRequired';
    else if (textLength(name) > NAME_MAX) errors.name = 'nameLong';
    else if (!isPlain(name)) errors.name = 'nameChars';
    const mobile = normalizeMobile(d.mobile);
    if (!mobile) errors.mobile = 'mobileRequired';
    else if (!/^1[3-9]\d{9}$/.test(mobile)) errors.mobile = 'mobileInvalid';
  }
  if (!captcha) errors.captcha = 'captchaRequired';
  return errors;
}

/** The JSON of the multipart `data` field. Identity fields are left out entirely when anonymous. */
export function complaintBody(d: ComplaintDraft, captcha: string): PortalComplaint {
  const body: PortalComplaint = { matterId: d.matterId ?? '', orgId: d.orgId ?? '', content: d.content.trim(), anonymous: d.anonymous, captcha };
  if (d.happenedOn) body.happenedOn = d.happenedOn;
  if (!d.anonymous) {
    body.name = d.name.trim();
    body.mobile = normalizeMobile(d.mobile);
  }
  return body;
}

const FIELDS_BY_NAME: Record<string, DraftField> = {
  matterId: 'matter',
  orgId: 'org',
  content: 'content',
  happenedOn: 'happenedOn',
  name: 'name',
  mobile: 'mobile',
  captcha: 'captcha',
};

/**
 * The form field a server refusal points at, and what to say there. The server names it by the JSON
 * pointer of the bad value (`path: "/content"`) or, for a missing one or the captcha, by `field`.
 */
export function refusedField(code: string, params: Record<string, string | number>): { field: DraftField; error: string } | null {
  if (code !== 'VALIDATION_FAILED' && code !== 'INVALID_CHARACTERS') return null;
  const names = [String(params.path ?? '').replace(/^\//, ''), String(params.field ?? '')];
  const field = names.map((n) => FIELDS_BY_NAME[n]).find((f) => f !== undefined);
  if (!field) return null;
  if (field === 'captcha') return { field, error: 'captchaRefused' };
  return { field, error: code === 'INVALID_CHARACTERS' ? 'invalidChars' : 'serverRefused' };
}

/** `data` first, so the server knows what it receives before the files stream in. */
export function buildComplaintForm(body: PortalComplaint, files: readonly File[]): FormData {
  const form = new FormData();
  form.append('data', JSON.stringify(body));
  for (const f of files) form.append('files', f, f.name);
  return form;
}

export type FileProblem = 'type' | 'size' | 'empty' | 'count';

function extension(name: string): string {
  const i = name.lastIndexOf('.');
  return i < 0 ? '' : name.slice(i + 1).toLowerCase();
}

/** A photo or PDF by its name, and by its type when the browser knows one, of at most `maxBytes`. */
export function fileProblem(file: Pick<File, 'name' | 'type' | 'size'>, maxBytes: number): FileProblem | null {
  const ext = extension(file.name);
  const byName = Object.values(ACCEPTED).some((exts) => exts.includes(ext));
  const byType = file.type === '' || file.type in ACCEPTED;
  if (!byName || !byType) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'size';
  return null;
}

/** Adds chosen files to the list: a file already there is not added twice, and the list stops at MAX_FILES. */
export function addFiles(current: readonly File[], incoming: readonly File[], maxBytes: number): { files: File[]; rejected: { name: string; problem: FileProblem }[] } {
  const files = [...current];
  const rejected: { name: string; problem: FileProblem }[] = [];
  const same = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
  for (const f of incoming) {
    if (files.some((x) => same(x, f))) continue;
    const problem = fileProblem(f, maxBytes) ?? (files.length >= MAX_FILES ? 'count' : null);
    if (problem) rejected.push({ name: f.name, problem });
    else files.push(f);
  }
  return { files, rejected };
}

/** 1.2 MB / 20 MB / 340 KB / 12 B: sizes as a phone user reads them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
