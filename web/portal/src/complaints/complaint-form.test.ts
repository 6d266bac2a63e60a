// @vitest-environment node
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { PortalComplaint } from '../../../../contracts/complaints';
import { isPlain, isText } from '../../../../contracts/text-formats';
import { catalogKeys } from '../i18n';
import {
  addFiles,
  buildComplaintForm,
  complaintBody,
  emptyDraft,
  fileProblem,
  formatSize,
  megabytes,
  MAX_FILES,
  normalizeMobile,
  refusedField,
  validateDraft,
  type ComplaintDraft,
} from './complaint-form';

const TODAY = '2026-03-15';
const CAPTCHA = 'eyJhbGdvcml0aG0iOiJTSEEtMjU2In0=';
const ORG = '01966a3e-0000-7000-8000-000000000001';
const MATTER = '01966a3e-0000-7000-8000-000000000002';

/**
 * The route's contract schema, checked the way server/platform/http/validation.ts checks bodies (no
 * coercion, the same formats): the form must send what the route accepts.
 */
const ajv = new Ajv({ coerceTypes: false, removeAdditional: false, strict: false });
(addFormats as unknown as (a: Ajv, f: string[]) => void)(ajv, ['date', 'uuid']);
ajv.addFormat('plain', { type: 'string', validate: isPlain });
ajv.addFormat('text', { type: 'string', validate: isText });
const serverAccepts = ajv.compile(PortalComplaint);

function draft(extra: Partial<ComplaintDraft> = {}): ComplaintDraft {
  return { ...emptyDraft(), categoryId: 'c', matterId: MATTER, orgId: ORG, content: '村里低保名单里有已经去世三年的人。', ...extra };
}

function file(name: string, type: string, size: number, lastModified = 1): File {
  return new File([new Uint8Array(size)], name, { type, lastModified });
}

describe('the complaint form', () => {
  it('starts anonymous and empty', () => {
    expect(emptyDraft()).toMatchObject({ anonymous: true, matterId: null, orgId: null, content: '', name: '', mobile: '' });
  });

  it('accepts a complete anonymous complaint', () => {
    expect(validateDraft(draft(), TODAY, CAPTCHA)).toEqual({});
  });

  it('asks for the matter, the org, the content and a solved captcha', () => {
    expect(validateDraft(emptyDraft(), TODAY, null)).toEqual({ matter: 'matterRequired', org: 'orgRequired', content: 'contentRequired', captcha: 'captchaRequired' });
  });

  it('counts the content without surrounding spaces, in characters as the server does', () => {
    expect(validateDraft(draft({ content: '  太短了  ' }), TODAY, CAPTCHA)).toEqual({ content: 'contentShort' });
    expect(validateDraft(draft({ content: '𠀀'.repeat(10) }), TODAY, CAPTCHA)).toEqual({});
    expect(validateDraft(draft({ content: '字'.repeat(5000) }), TODAY, CAPTCHA)).toEqual({});
    expect(validateDraft(draft({ content: '字'.repeat(5001) }), TODAY, CAPTCHA)).toEqual({ content: 'contentLong' });
  });

  it('refuses markup and invisible characters in the content, as the server would', () => {
    expect(validateDraft(draft({ content: '请看<script>alert(1)</script>这件事' }), TODAY, CAPTCHA)).toEqual({ content: 'invalidChars' });
    expect(validateDraft(draft({ content: '有人收了\u200b好处费一千元整' }), TODAY, CAPTCHA)).toEqual({ content: 'invalidChars' });
    expect(validateDraft(draft({ content: '他说：“不给钱（好处）就不办”，3<5 是常识' }), TODAY, CAPTCHA)).toEqual({});
  });

  it('takes an optional real date, not after today', () => {
    expect(validateDraft(draft({ happenedOn: '2026-03-15' }), TODAY, CAPTCHA)).toEqual({});
    expect(validateDraft(draft({ happenedOn: '2026-03-16' }), TODAY, CAPTCHA)).toEqual({ happenedOn: 'future' });
    expect(validateDraft(draft({ happenedOn: '2026-02-30' }), TODAY, CAPTCHA)).toEqual({ happenedOn: 'date' });
    expect(validateDraft(draft({ happenedOn: '15/03/2026' }), TODAY, CAPTCHA)).toEqual({ happenedOn: 'date' });
  });

  it('asks a named reporter for a plain name and an 11-digit mobile, and nobody else', () => {
    expect(validateDraft(draft({ anonymous: false }), TODAY, CAPTCHA)).toEqual({ name: 'nameRequired', mobile: 'mobileRequired' });
    expect(validateDraft(draft({ anonymous: false, name: '王小明', mobile: '138 0013 8000' }), TODAY, CAPTCHA)).toEqual({});
    expect(validateDraft(draft({ anonymous: false, name: '王"小明', mobile: '12800138000' }), TODAY, CAPTCHA)).toEqual({ name: 'nameChars', mobile: 'mobileInvalid' });
    expect(validateDraft(draft({ anonymous: false, name: '王'.repeat(31), mobile: '1380013800' }), TODAY, CAPTCHA)).toEqual({ name: 'nameLong', mobile: 'mobileInvalid' });
    expect(validateDraft(draft({ anonymous: true, name: '<b>', mobile: 'x' }), TODAY, CAPTCHA)).toEqual({});
  });

  it('reads mobile numbers typed with spaces, dashes or full-width digits', () => {
    expect(normalizeMobile(' 138-0013-8000 ')).toBe('13800138000');
    expect(normalizeMobile('１３８００１３８０００')).toBe('13800138000');
  });

  it('has a message in both languages for every rule', () => {
    const keys = new Set(catalogKeys('en-US'));
    const codes = ['matterRequired', 'orgRequired', 'contentRequired', 'contentShort', 'contentLong', 'invalidChars', 'date', 'future', 'nameRequired', 'nameLong', 'nameChars', 'mobileRequired', 'mobileInvalid', 'captchaRequired', 'captchaRefused', 'serverRefused'];
    for (const c of codes) expect(keys.has(`complaint.errors.${c}`), c).toBe(true);
    for (const p of ['type', 'size', 'empty', 'count']) expect(keys.has(`complaint.files.problem.${p}`), p).toBe(true);
  });
});

describe('the request body', () => {
  it('is what the server route accepts, with the identity left out when anonymous', () => {
    const anonymous = complaintBody(draft({ name: '王小明', mobile: '13800138000', content: '  有人吃拿卡要，办证要先请客。 ' }), CAPTCHA);
    expect(anonymous).toEqual({ matterId: MATTER, orgId: ORG, content: '有人吃拿卡要，办证要先请客。', anonymous: true, captcha: CAPTCHA });
    expect(serverAccepts(anonymous)).toBe(true);
    expect(serverAccepts({ ...anonymous, name: '' }), 'the check itself refuses what the route refuses').toBe(false);

    const named = complaintBody(draft({ anonymous: false, name: ' 王小明 ', mobile: '138 0013 8000', happenedOn: '2026-03-01' }), CAPTCHA);
    expect(named).toMatchObject({ anonymous: false, name: '王小明', mobile: '13800138000', happenedOn: '2026-03-01' });
    expect(serverAccepts(named)).toBe(true);
  });

  it('is a multipart form: the JSON in `data` first, then each file under `files` with its name', async () => {
    const photo = file('现场.jpg', 'image/jpeg', 2048);
    const pdf = file('收据.pdf', 'application/pdf', 100);
    const form = buildComplaintForm(complaintBody(draft(), CAPTCHA), [photo, pdf]);
    const parsed = await new Request('http://portal.test/api/portal/complaints', { method: 'POST', body: form }).formData();
    const entries = [...parsed.entries()];
    expect(entries.map(([k]) => k)).toEqual(['data', 'files', 'files']);
    expect(JSON.parse(entries[0]![1] as string)).toEqual(complaintBody(draft(), CAPTCHA));
    const files = parsed.getAll('files') as File[];
    expect(files.map((f) => [f.name, f.size, f.type])).toEqual([
      ['现场.jpg', 2048, 'image/jpeg'],
      ['收据.pdf', 100, 'application/pdf'],
    ]);
  });

  it('maps server refusals to the field they concern', () => {
    expect(refusedField('INVALID_CHARACTERS', { part: 'body', path: '/content', keyword: 'format', field: 'text' })).toEqual({ field: 'content', error: 'invalidChars' });
    expect(refusedField('VALIDATION_FAILED', { part: 'body', path: '/', keyword: 'required', field: 'orgId' })).toEqual({ field: 'org', error: 'serverRefused' });
    expect(refusedField('VALIDATION_FAILED', { part: 'body', field: 'captcha', keyword: 'captcha', reason: 'used' })).toEqual({ field: 'captcha', error: 'captchaRefused' });
    expect(refusedField('VALIDATION_FAILED', { part: 'body', field: 'files', keyword: 'maxItems' })).toBeNull();
    expect(refusedField('RATE_LIMITED', { path: '/content' })).toBeNull();
  });
});

describe('attachments', () => {
  const MAX = megabytes(20);

  it('take photos and PDFs by name and type, and nothing empty or larger than the limit the catalogue states', () => {
    expect(fileProblem(file('a.JPG', 'image/jpeg', 10), MAX)).toBeNull();
    expect(fileProblem(file('a.webp', '', 10), MAX)).toBeNull();
    expect(fileProblem(file('a.pdf', 'application/pdf', MAX), MAX)).toBeNull();
    expect(fileProblem(file('a.pdf', 'application/pdf', MAX + 1), MAX)).toBe('size');
    expect(fileProblem(file('a.pdf', 'application/pdf', megabytes(3) + 1), megabytes(3))).toBe('size');
    expect(fileProblem(file('a.png', 'image/png', 0), MAX)).toBe('empty');
    expect(fileProblem(file('a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 10), MAX)).toBe('type');
    expect(fileProblem(file('a.exe', 'image/jpeg', 10), MAX)).toBe('type');
    expect(fileProblem(file('a.jpg', 'text/html', 10), MAX)).toBe('type');
    expect(fileProblem(file('jpg', 'image/jpeg', 10), MAX)).toBe('type');
  });

  it(`stop at ${MAX_FILES}, skip a file chosen twice and say why others were left out`, () => {
    const five = Array.from({ length: 5 }, (_, i) => file(`${i}.jpg`, 'image/jpeg', 10 + i));
    const first = addFiles([], [five[0]!, five[1]!, file('x.txt', 'text/plain', 5)], MAX);
    expect(first.files.map((f) => f.name)).toEqual(['0.jpg', '1.jpg']);
    expect(first.rejected).toEqual([{ name: 'x.txt', problem: 'type' }]);
    const again = addFiles(first.files, [five[1]!, ...five.slice(2), file('6.jpg', 'image/jpeg', 99)], MAX);
    expect(again.files.map((f) => f.name)).toEqual(['0.jpg', '1.jpg', '2.jpg', '3.jpg', '4.jpg']);
    expect(again.rejected).toEqual([{ name: '6.jpg', problem: 'count' }]);
  });

  it('show their sizes as a phone user reads them', () => {
    expect(formatSize(12)).toBe('12 B');
    expect(formatSize(340 * 1024)).toBe('340 KB');
    expect(formatSize(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(formatSize(megabytes(20))).toBe('20 MB');
  });
});
