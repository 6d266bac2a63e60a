import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n';
import { currentPath } from '../router';
import ComplaintPage from './ComplaintPage.vue';
import { CAPTCHA, captchaStub, headerOf, json, scriptServer, type Answer, type Call } from './test-helpers';

const ORG_A = '01966a3e-0000-7000-8000-00000000000a';
const ORG_B = '01966a3e-0000-7000-8000-00000000000b';
const MATTER = '01966a3e-0000-7000-8000-000000000001';
const catalogue = {
  categories: [
    { id: 'cat-1', name: '民生资金', nameEn: 'Welfare funds', description: '低保、补贴等资金的发放', matters: [{ id: MATTER, name: '低保审核发放', description: '', orgId: ORG_A }] },
    { id: 'cat-2', name: '其他', nameEn: 'Other', description: '', matters: [] },
  ],
  orgs: [
    { id: ORG_A, name: '闸站管理所', parentId: null },
    { id: ORG_B, name: '第一党支部', parentId: ORG_A },
  ],
  maxUploadMegabytes: 8,
};
const receipt = { code: 'TS-2026-0007', receiptCode: '0123456789012345', submittedAt: '2026-03-15T10:00:00+08:00' };
const CONTENT = '低保名单里有已经去世三年的人，还在领钱。';

function render(routes: Record<string, Answer[]>) {
  const calls = scriptServer({ '/api/portal/complaints/catalogue': [json(catalogue)], ...routes });
  const captcha = captchaStub();
  const wrapper = mount(ComplaintPage, { attachTo: document.body, global: { stubs: { CaptchaField: captcha.component } } });
  return { wrapper, calls, captcha: captcha.state };
}

type Wrapper = ReturnType<typeof render>['wrapper'];

async function fill(wrapper: Wrapper): Promise<void> {
  await flushPromises();
  await wrapper.find('[data-test="portal-complaint-category-option"] input').setValue(true);
  await wrapper.find('[data-test="portal-complaint-matter-option"] input').setValue(true);
  await wrapper.findAll('[data-test="portal-complaint-org-option"] input')[1]!.setValue(true);
  await wrapper.find('[data-test="portal-complaint-content"]').setValue(CONTENT);
}

const submits = (calls: Call[]) => calls.filter((c) => c.url === '/api/portal/complaints');

beforeEach(() => {
  setLocale('zh-CN');
  history.replaceState(null, '', '/portal/complaint');
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('filing a complaint', () => {
  it('offers only categories that have matters, then the matters of the chosen one', async () => {
    const { wrapper } = render({});
    await flushPromises();
    expect(wrapper.findAll('[data-test="portal-complaint-category-option"]').map((c) => c.text())).toEqual(['民生资金']);
    expect(wrapper.find('[data-test="portal-complaint-matter"]').exists()).toBe(false);
    await wrapper.find('[data-test="portal-complaint-category-option"] input').setValue(true);
    expect(wrapper.find('[data-test="portal-complaint-matter"]').text()).toContain('低保审核发放');
  });

  it('checks the form before sending anything, and moves focus to the first problem', async () => {
    const { wrapper, calls } = render({});
    await flushPromises();
    await wrapper.find('[data-test="portal-complaint-content"]').setValue('太短');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(submits(calls)).toHaveLength(0);
    expect(wrapper.find('#complaint-matter-error').text()).toBe('请选择问题类别和具体事项。');
    expect(wrapper.find('#complaint-org-error').text()).toBe('请选择被反映单位。');
    expect(wrapper.find('#complaint-content-error').text()).toBe('内容太短，请至少写 10 个字。');
    expect(wrapper.find('[data-test="portal-complaint-content"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('[data-test="portal-complaint-invalid"]').text()).toContain('3');
    expect(document.activeElement?.id).toBe('complaint-category-first');
  });

  it('after a refused attempt, updates the messages as the reporter corrects the form', async () => {
    const { wrapper } = render({});
    await flushPromises();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('#complaint-content-error').text()).toBe('请写明发生了什么。');
    await wrapper.find('[data-test="portal-complaint-content"]').setValue('太短');
    expect(wrapper.find('#complaint-content-error').text()).toBe('内容太短，请至少写 10 个字。');
    await wrapper.find('[data-test="portal-complaint-content"]').setValue(CONTENT);
    expect(wrapper.find('#complaint-content-error').exists()).toBe(false);
    expect(wrapper.find('[data-test="portal-complaint-invalid"]').text()).toBe('有 2 处需要修改，请查看标红的提示。');
  });

  it('counts characters as they are typed', async () => {
    const { wrapper } = render({});
    await flushPromises();
    await wrapper.find('[data-test="portal-complaint-content"]').setValue('  一二三  ');
    expect(wrapper.find('[data-test="portal-complaint-counter"]').text()).toBe('3 / 5000 字');
  });

  it('asks a named reporter for name and mobile and explains who can see them', async () => {
    const { wrapper } = render({});
    await flushPromises();
    expect(wrapper.find('[data-test="portal-complaint-anonymous"]').element).toHaveProperty('checked', true);
    expect(wrapper.find('[data-test="portal-complaint-name"]').exists()).toBe(false);
    await wrapper.find('[data-test="portal-complaint-named"]').setValue(true);
    expect(wrapper.find('[data-test="portal-complaint-privacy"]').text()).toContain('加密保存');
    expect(wrapper.find('label[for="complaint-name"]').text()).toBe('姓名');
    expect(wrapper.find('label[for="complaint-mobile"]').text()).toBe('手机号码');
  });

  it('pre-selects the org of a QR-code link and says so, with a way to choose another', async () => {
    history.replaceState(null, '', `/portal/complaint?org=${ORG_B}`);
    const { wrapper } = render({});
    await flushPromises();
    expect(wrapper.find('[data-test="portal-complaint-org-qr"]').text()).toBe('已根据您扫描的二维码选择单位：第一党支部');
    expect(wrapper.find('[data-test="portal-complaint-org-search"]').exists()).toBe(false);
    await wrapper.find('[data-test="portal-complaint-org-change"]').trigger('click');
    expect(wrapper.find('[data-test="portal-complaint-org-selected"]').text()).toContain('第一党支部');
    const checked = wrapper.findAll<HTMLInputElement>('[data-test="portal-complaint-org-option"] input').filter((i) => i.element.checked);
    expect(checked.map((i) => i.element.value)).toEqual([ORG_B]);
  });

  it('says when a QR code names an org it does not know', async () => {
    history.replaceState(null, '', '/portal/complaint?org=01966a3e-0000-7000-8000-0000000000ff');
    const { wrapper } = render({});
    await flushPromises();
    expect(wrapper.find('[data-test="portal-complaint-org-qr-unknown"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="portal-complaint-org-search"]').exists()).toBe(true);
  });

  it('lists chosen attachments with name and size, refuses other types and removes on request', async () => {
    const { wrapper } = render({});
    await flushPromises();
    const input = wrapper.find('[data-test="portal-complaint-files"]');
    Object.defineProperty(input.element, 'files', { value: [new File([new Uint8Array(2048)], '现场照片.jpg', { type: 'image/jpeg' }), new File(['x'], '说明.docx', { type: '' })], configurable: true });
    await input.trigger('change');
    expect(wrapper.findAll('[data-test="portal-complaint-file"]').map((f) => f.text())).toEqual([expect.stringMatching(/^现场照片\.jpg\s*2 KB/)]);
    expect(wrapper.find('[data-test="portal-complaint-file-rejected"]').text()).toBe('“说明.docx”不是照片或 PDF，未添加。');
    expect(wrapper.find('[data-test="portal-complaint-file-remove"]').attributes('aria-label')).toBe('删除附件 现场照片.jpg');
    await wrapper.find('[data-test="portal-complaint-file-remove"]').trigger('click');
    expect(wrapper.findAll('[data-test="portal-complaint-file"]')).toHaveLength(0);
  });

  it('names and applies the per-file limit the catalogue states (system.uploads.maxMegabytes)', async () => {
    const { wrapper } = render({});
    await flushPromises();
    expect(wrapper.find('#complaint-files-hint').text()).toContain('每个不超过 8 MB');
    const input = wrapper.find('[data-test="portal-complaint-files"]');
    const files = [new File([new Uint8Array(8 * 1024 * 1024 + 1)], '录像截图.png', { type: 'image/png' }), new File([new Uint8Array(8 * 1024 * 1024)], '收据.pdf', { type: 'application/pdf' })];
    Object.defineProperty(input.element, 'files', { value: files, configurable: true });
    await input.trigger('change');
    expect(wrapper.find('[data-test="portal-complaint-file-rejected"]').text()).toBe('“录像截图.png”超过 8 MB，未添加。');
    expect(wrapper.findAll('[data-test="portal-complaint-file"]').map((f) => f.text())).toEqual([expect.stringMatching(/^收据\.pdf\s*8 MB/)]);
  });

  it('sends a multipart complaint once and shows the receipt code grouped, storing it nowhere', async () => {
    const { wrapper, calls } = render({ '/api/portal/complaints': [json(receipt, 201)] });
    await fill(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    const [sent] = submits(calls);
    expect(sent).toBeDefined();
    expect(headerOf(sent!, 'x-qingfeng-request')).toBe('1');
    expect(headerOf(sent!, 'idempotency-key')).toMatch(/^[\x21-\x7e]{8,128}$/);
    const form = sent!.init.body as FormData;
    expect(JSON.parse(form.get('data') as string)).toEqual({ matterId: MATTER, orgId: ORG_B, content: CONTENT, anonymous: true, captcha: CAPTCHA });

    expect(wrapper.find('form').exists()).toBe(false);
    expect(wrapper.find('[data-test="receipt-code"]').text()).toBe('0123 4567 8901 2345');
    expect(wrapper.find('[data-test="receipt-number"]').text()).toBe('TS-2026-0007');
    expect(wrapper.find('[data-test="receipt-warning"]').text()).toContain('无法找回');
    expect(document.activeElement?.id).toBe('receipt-title');
    expect(localStorage.length + sessionStorage.length).toBe(0);
    expect(document.cookie).toBe('');
    expect(location.href).not.toContain(receipt.receiptCode);

    await wrapper.find('[data-test="receipt-continue"]').trigger('click');
    expect(currentPath.value).toBe('/follow-up');
  });

  it('retries a lost answer with the same key and the same proof, and a changed form with a new key', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const lost = new TypeError('Failed to fetch');
    const { wrapper, calls, captcha } = render({ '/api/portal/complaints': [lost, lost, lost, lost, lost, lost, json(receipt, 201)] });
    await fill(wrapper);

    await wrapper.find('form').trigger('submit');
    await vi.advanceTimersByTimeAsync(5000);
    await flushPromises();
    expect(submits(calls)).toHaveLength(3);
    expect(wrapper.find('[data-test="portal-complaint-error"]').text()).toContain('重复提交不会产生两条记录');
    expect(captcha.resets).toBe(0);

    await wrapper.find('form').trigger('submit');
    await vi.advanceTimersByTimeAsync(5000);
    await flushPromises();
    expect(submits(calls)).toHaveLength(6);
    const keys = submits(calls).map((c) => headerOf(c, 'idempotency-key'));
    expect(new Set(keys).size).toBe(1);
    const proofs = submits(calls).map((c) => JSON.parse((c.init.body as FormData).get('data') as string).captcha);
    expect(new Set(proofs)).toEqual(new Set([CAPTCHA]));

    await wrapper.find('[data-test="portal-complaint-content"]').setValue(`${CONTENT}补充：发放人是村会计。`);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(submits(calls)).toHaveLength(7);
    expect(headerOf(submits(calls)[6]!, 'idempotency-key')).not.toBe(keys[0]);
    expect(wrapper.find('[data-test="receipt-code"]').exists()).toBe(true);
  });

  it('shows a refusal beside its field and asks for a fresh proof of work', async () => {
    const { wrapper, calls, captcha } = render({
      '/api/portal/complaints': [json({ error: { code: 'VALIDATION_FAILED', params: { part: 'body', field: 'captcha', keyword: 'captcha', reason: 'used' } } }, 400), json(receipt, 201)],
    });
    await fill(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(captcha.resets).toBe(1);
    expect(wrapper.find('[data-test="captcha"]').text()).toBe('captchaRefused');
    const firstKey = headerOf(submits(calls)[0]!, 'idempotency-key');

    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(headerOf(submits(calls)[1]!, 'idempotency-key')).not.toBe(firstKey);
    expect(wrapper.find('[data-test="receipt-code"]').text()).toBe('0123 4567 8901 2345');
  });

  it('names a general refusal in the reporter’s language', async () => {
    const { wrapper } = render({ '/api/portal/complaints': [json({ error: { code: 'RATE_LIMITED' } }, 429)] });
    await fill(wrapper);
    setLocale('en-US');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="portal-complaint-error"]').text()).toBe('Too many attempts. Please wait a few minutes and try again.');
  });

  it('says so when no matter is open yet', async () => {
    scriptServer({ '/api/portal/complaints/catalogue': [json({ ...catalogue, categories: [{ ...catalogue.categories[1] }] })] });
    const wrapper = mount(ComplaintPage, { global: { stubs: { CaptchaField: captchaStub().component } } });
    await flushPromises();
    expect(wrapper.find('[data-test="portal-complaint-closed"]').exists()).toBe(true);
    expect(wrapper.find('form').exists()).toBe(false);
  });
});
