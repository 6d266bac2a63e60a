import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReporterView } from '../../../../contracts/complaints';
import { forgetSession, hasSession } from '../complaints/reporter-session';
import { setLocale } from '../i18n';
import FollowPage from './FollowPage.vue';
import { CAPTCHA, captchaStub, headerOf, json, scriptServer, type Answer } from './test-helpers';

const TOKEN = 'T'.repeat(43);
const session = json({ token: TOKEN, expiresAt: '2026-03-15T10:20:00+08:00' }, 201);

function view(extra: Partial<ReporterView> = {}): ReporterView {
  return {
    code: 'TS-2026-0007',
    status: 'answered',
    categoryName: '民生资金',
    matterName: '低保审核发放',
    orgName: '第一党支部',
    submittedAt: '2026-03-02T09:00:00+08:00',
    assignedAt: '2026-03-03T09:00:00+08:00',
    dispatchedAt: '2026-03-04T09:00:00+08:00',
    answeredAt: '2026-03-09T16:30:00+08:00',
    closedAt: null,
    answer: '经核查，已停发并追回冒领资金。',
    rejectionReason: null,
    messages: [{ id: 'm1', from: 'handler', body: '请补充冒领人的姓名。', at: '2026-03-05T10:00:00+08:00' }],
    ratings: [],
    canRate: true,
    canMessage: true,
    ...extra,
  };
}

function render(routes: Record<string, Answer[]>) {
  const calls = scriptServer(routes);
  const captcha = captchaStub();
  const wrapper = mount(FollowPage, { attachTo: document.body, global: { stubs: { CaptchaField: captcha.component } } });
  return { wrapper, calls, captcha: captcha.state };
}

type Wrapper = ReturnType<typeof render>['wrapper'];

async function signIn(wrapper: Wrapper, code = '0123 4567 8901 2345'): Promise<void> {
  await wrapper.find('[data-test="follow-code"]').setValue(code);
  await wrapper.find('[data-test="follow-form"]').trigger('submit');
  await flushPromises();
}

const body = (init: RequestInit) => JSON.parse(init.body as string) as Record<string, unknown>;

beforeEach(() => {
  setLocale('zh-CN');
  forgetSession();
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('following a complaint', () => {
  it('checks the code before asking the server', async () => {
    const { wrapper, calls } = render({});
    await signIn(wrapper, '1234 5678');
    expect(calls).toHaveLength(0);
    expect(wrapper.find('#follow-code-error').text()).toBe('回执码是 16 位数字，请检查后重新输入。');
    expect(document.activeElement?.id).toBe('follow-code');
  });

  it('opens a session with the digits of the code, then shows stage, dates, answer and messages', async () => {
    const { wrapper, calls } = render({ '/api/portal/complaints/session': [session], '/api/portal/complaints/mine': [json(view())] });
    await signIn(wrapper, '０１２３ ４５６７-8901 2345');
    expect(body(calls[0]!.init)).toEqual({ receiptCode: '0123456789012345', captcha: CAPTCHA });
    expect(headerOf(calls[1]!, 'x-reporter-session')).toBe(TOKEN);
    expect(hasSession()).toBe(true);

    expect(wrapper.find('[data-test="follow-code"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="follow-status"]').text()).toBe('当前环节：已答复');
    expect(wrapper.find('[data-test="follow-status"]').attributes('data-status')).toBe('answered');
    const steps = wrapper.findAll('[data-test="follow-steps"] li');
    expect(steps.map((s) => s.attributes('data-state'))).toEqual(['done', 'done', 'done', 'done', 'current', 'todo', 'todo']);
    expect(steps[4]!.attributes('aria-current')).toBe('step');
    expect(steps[4]!.text()).toContain('已答复');
    expect(steps[4]!.text()).toContain('2026-03-09');
    expect(wrapper.find('[data-test="follow-answer"]').text()).toBe('经核查，已停发并追回冒领资金。');
    expect(wrapper.find('[data-test="follow-message"]').text()).toContain('办理单位');
    expect(wrapper.find('[data-test="follow-message"]').text()).toContain('请补充冒领人的姓名。');
    expect(document.activeElement?.id).toBe('follow-view-title');
    expect(wrapper.find('[data-test="follow-session-ends"]').text(), 'the session ends when the server says, not after inactivity').toBe('本次查询将于 2026-03-15 10:20 结束，之后需要重新输入回执码。');
  });

  it('answers a wrong code without saying whether it exists, and asks for a fresh proof', async () => {
    const { wrapper, captcha } = render({ '/api/portal/complaints/session': [json({ error: { code: 'LOGIN_FAILED' } }, 401)] });
    await signIn(wrapper);
    expect(wrapper.find('[data-test="follow-error"]').text()).toBe('回执码不正确，或者尝试次数过多，请核对后再试。');
    expect(captcha.resets).toBe(1);
    expect(hasSession()).toBe(false);
  });

  it('rates the answer, and after 重办 asks for the second rating', async () => {
    const rated = view({ status: 'rated', canRate: false, ratings: [{ round: 1, rating: 'dissatisfied', at: '2026-03-10T08:00:00+08:00' }] });
    const { wrapper, calls } = render({ '/api/portal/complaints/session': [session], '/api/portal/complaints/mine': [json(view())], '/api/portal/complaints/mine/rating': [json(rated)] });
    await signIn(wrapper);
    expect(wrapper.find('[data-test="rating-form"] legend').text()).toBe('评价答复');
    await wrapper.find('[data-test="rating-submit"]').trigger('submit');
    expect(wrapper.find('#rating-error').text()).toBe('请选择满意、基本满意或不满意。');
    await wrapper.find('[data-test="rating-dissatisfied"] input').setValue(true);
    expect(wrapper.find('[data-test="rating-redo-note"]').exists()).toBe(true);
    await wrapper.find('[data-test="rating-comment"]').setValue('  只停发，没有追责。 ');
    await wrapper.find('[data-test="rating-form"]').trigger('submit');
    await flushPromises();
    const sent = calls.find((c) => c.url === '/api/portal/complaints/mine/rating')!;
    expect(body(sent.init)).toEqual({ rating: 'dissatisfied', comment: '只停发，没有追责。' });
    expect(headerOf(sent, 'x-reporter-session')).toBe(TOKEN);
    expect(wrapper.find('[data-test="rating-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="follow-notice"]').text()).toBe('评价已提交，谢谢！');
    expect(wrapper.find('[data-test="follow-rating"]').text()).toContain('第 1 次评价 · 不满意');
  });

  it('shows a case handled again with its second rating form', async () => {
    const again = view({ status: 'answered', canRate: true, ratings: [{ round: 1, rating: 'dissatisfied', at: '2026-03-10T08:00:00+08:00' }] });
    const { wrapper } = render({ '/api/portal/complaints/session': [session], '/api/portal/complaints/mine': [json(again)] });
    await signIn(wrapper);
    expect(wrapper.find('[data-test="follow-redo"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="rating-form"] legend').text()).toBe('再次评价（重新办理后）');
  });

  it('shows 不予受理 with its reason instead of the steps', async () => {
    const rejected = view({ status: 'rejected', answer: null, canRate: false, canMessage: false, rejectionReason: '反映的问题不属于本单位管辖，请向属地政府反映。' });
    const { wrapper } = render({ '/api/portal/complaints/session': [session], '/api/portal/complaints/mine': [json(rejected)] });
    await signIn(wrapper);
    expect(wrapper.find('[data-test="follow-status"]').text()).toBe('当前环节：不予受理');
    expect(wrapper.find('[data-test="follow-steps"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="follow-rejection"]').text()).toContain('不属于本单位管辖');
    expect(wrapper.find('[data-test="follow-message-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="rating-form"]').exists()).toBe(false);
  });

  it('sends information to the handlers and clears the box once it is sent', async () => {
    const withReply = view({ messages: [...view().messages, { id: 'm2', from: 'reporter', body: '冒领人是张某。', at: '2026-03-06T09:00:00+08:00' }] });
    const { wrapper, calls } = render({ '/api/portal/complaints/session': [session], '/api/portal/complaints/mine': [json(view())], '/api/portal/complaints/mine/messages': [json(withReply)] });
    await signIn(wrapper);
    await wrapper.find('[data-test="follow-message-input"]').setValue('冒领人是张某。');
    await wrapper.find('[data-test="follow-message-form"]').trigger('submit');
    await flushPromises();
    expect(body(calls.at(-1)!.init)).toEqual({ body: '冒领人是张某。' });
    expect(wrapper.findAll('[data-test="follow-message"]').map((m) => m.attributes('data-from'))).toEqual(['handler', 'reporter']);
    expect((wrapper.find('[data-test="follow-message-input"]').element as HTMLTextAreaElement).value).toBe('');
  });

  it('goes back to the code form when the session has run out', async () => {
    const { wrapper } = render({ '/api/portal/complaints/session': [session], '/api/portal/complaints/mine': [json(view()), json({ error: { code: 'SESSION_EXPIRED' } }, 401)] });
    await signIn(wrapper);
    await wrapper.find('[data-test="follow-refresh"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="follow-code"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="follow-notice"]').text()).toBe('查询已超时，请重新输入回执码。');
    expect(hasSession()).toBe(false);
  });

  it('logs out on the server and asks for the code again', async () => {
    const { wrapper, calls } = render({ '/api/portal/complaints/session': [session], '/api/portal/complaints/mine': [json(view())], '/api/portal/complaints/mine/logout': [json({ ok: true })] });
    await signIn(wrapper);
    await wrapper.find('[data-test="follow-logout"]').trigger('click');
    await flushPromises();
    expect(calls.at(-1)!.url).toBe('/api/portal/complaints/mine/logout');
    expect(headerOf(calls.at(-1)!, 'x-reporter-session')).toBe(TOKEN);
    expect(hasSession()).toBe(false);
    expect(wrapper.find('[data-test="follow-code"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="follow-notice"]').text()).toContain('已退出');
  });

  it('keeps the session while the visitor moves around the portal, not across a reload', async () => {
    const first = render({ '/api/portal/complaints/session': [session], '/api/portal/complaints/mine': [json(view())] });
    await signIn(first.wrapper);
    first.wrapper.unmount();
    const again = render({ '/api/portal/complaints/mine': [json(view())] });
    await flushPromises();
    expect(again.calls.map((c) => c.url)).toEqual(['/api/portal/complaints/mine']);
    expect(again.wrapper.find('[data-test="follow-status"]').exists()).toBe(true);
  });
});
