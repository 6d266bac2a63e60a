import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import ElementPlus, { ElRadioGroup, ElSelect } from 'element-plus';
import { i18n, setLocale } from '../../i18n';
import { stubbedRoutes } from '../../router/stubbed-routes';
import { useSessionStore } from '../../stores/session';
import type { Me } from '../../api/types';
import OrgTreeSelect from '../../components/OrgTreeSelect.vue';
import ClueRegisterView from './ClueRegisterView.vue';

const ORG = { id: '0190a5a0-0000-7000-8000-000000000010', parentId: null, kind: 'bureau', name: '闸站管理所', shortName: '闸站', code: null, sort: 0, status: 'active', updatedAt: '2026-03-02T09:00:00+08:00' };
const CLUE_ID = '0190a5a0-0000-7000-8000-000000000099';

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

function fakeApi(sent: Sent[]) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    const u = new URL(url, 'http://x');
    const method = init?.method ?? 'GET';
    sent.push({ method, path: u.pathname, body: typeof init?.body === 'string' ? JSON.parse(init.body) : null });
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (u.pathname === '/api/orgs') return json({ items: [ORG] });
    if (u.pathname === '/api/clues' && method === 'POST') return json({ id: CLUE_ID, code: 'XS-2026-0007' }, 201);
    if (u.pathname === '/api/clues') return json({ items: [], total: 0, page: 1, pageSize: 20 });
    return json({ error: { code: 'NOT_FOUND', params: {} } }, 404);
  });
}

const me: Me = {
  userId: '0190a5a0-0000-7000-8000-000000000001', username: 'xinfang', displayName: '赵信访', personId: null, accountKind: 'business', roles: ['petition_officer'],
  permissions: ['clue:read', 'clue:register'], locale: 'zh-CN', mfaEnrolled: true, obligations: { mfa: null, passwordChange: false }, tenant: { name: '测试单位', isDemo: false },
};

async function mountForm() {
  setLocale('zh-CN');
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', fakeApi(sent));
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().me = me;
  const router = createRouter({ history: createMemoryHistory(), routes: stubbedRoutes() });
  await router.push('/clues/new');
  const wrapper = mount(ClueRegisterView, { global: { plugins: [pinia, i18n, router, ElementPlus] } });
  await flushPromises();
  return { wrapper, sent, router };
}

async function emitOn(w: VueWrapper, kind: typeof ElSelect | typeof ElRadioGroup | typeof OrgTreeSelect, test: string, value: unknown): Promise<void> {
  const c = w.findAllComponents(kind as typeof ElSelect).find((s) => s.attributes('data-test') === test);
  if (!c) throw new Error(`no ${test}`);
  c.vm.$emit('update:modelValue', value);
  await flushPromises();
}

const errors = (w: VueWrapper) => w.findAll('.el-form-item__error').map((e) => e.text());
const posts = (sent: Sent[]) => sent.filter((s) => s.method === 'POST');

/** Submits, then waits until the check holds: validators answer one by one. */
async function submitUntil(w: VueWrapper, check: () => void): Promise<void> {
  await w.find('[data-test="clue-register-form"]').trigger('submit');
  await vi.waitFor(async () => {
    await flushPromises();
    check();
  }, { timeout: 15_000 });
}

// happy-dom lays nothing out, so the auto label width of fields shown and hidden by 实名 measures NaN.
const warn = console.warn.bind(console);
vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => (String(a[0]).includes('unexpected width') ? undefined : warn(...a)));

afterEach(() => vi.unstubAllGlobals());

describe('ClueRegisterView', { timeout: 30_000 }, () => {
  it('refuses an empty form, naming each missing field, and sends nothing', async () => {
    const { wrapper, sent } = await mountForm();
    expect(wrapper.find('input[data-test="clue-reporter-name"]').exists()).toBe(false);
    await submitUntil(wrapper, () =>
      expect(errors(wrapper)).toEqual([
        '请选择线索来源', '请选择或填写被反映人', '请选择被反映人所在单位', '请选择被反映人级别', '请选择问题类别', '请填写主要问题（至少 2 个字）', '请填写反映内容（至少 2 个字）',
      ]),
    );
    expect(posts(sent)).toEqual([]);
  });

  it('asks for the reporter only when 实名, and checks the name and mobile', async () => {
    const { wrapper, sent } = await mountForm();
    await emitOn(wrapper, ElRadioGroup, 'clue-named', true);
    expect(wrapper.find('[data-test="clue-identity-notice"]').exists()).toBe(true);
    await wrapper.find('input[data-test="clue-reporter-mobile"]').setValue('12345');
    await wrapper.find('input[data-test="clue-reporter-unit"]').setValue('单位<script>');
    await submitUntil(wrapper, () =>
      expect(errors(wrapper)).toEqual(expect.arrayContaining(['请填写实名反映人的姓名', '请填写正确的手机号码', '请勿使用英文引号、分号、反斜杠、尖括号、换行或全角英文字母和数字'])),
    );
    expect(posts(sent)).toEqual([]);
  });

  it('sends a valid anonymous clue without any reporter, then opens it and forgets what was typed', async () => {
    const { wrapper, sent, router } = await mountForm();
    await emitOn(wrapper, ElSelect, 'clue-source', 'phone');
    await emitOn(wrapper, ElRadioGroup, 'clue-named', true);
    await wrapper.find('input[data-test="clue-reporter-name"]').setValue('张三');
    await emitOn(wrapper, ElRadioGroup, 'clue-named', false);
    await emitOn(wrapper, ElRadioGroup, 'clue-reported-mode', true);
    await wrapper.find('input[data-test="clue-reported-name"]').setValue(' 李四 ');
    await emitOn(wrapper, OrgTreeSelect, 'clue-reported-org', ORG.id);
    await emitOn(wrapper, ElRadioGroup, 'clue-reported-level', 'section');
    await emitOn(wrapper, ElSelect, 'clue-category', 'integrity');
    await wrapper.find('input[data-test="clue-summary"]').setValue('违规收受礼金');
    await wrapper.find('textarea[data-test="clue-content"]').setValue('春节期间收受管理对象礼金。');
    await submitUntil(wrapper, () => expect(router.currentRoute.value.name).toBe('clue-detail'));
    const [post] = posts(sent);
    expect(post?.path).toBe('/api/clues');
    expect(post?.body).toEqual({
      source: 'phone', named: false, reportedName: '李四', reportedOrgId: ORG.id, reportedLevel: 'section', category: 'integrity',
      summary: '违规收受礼金', content: '春节期间收受管理对象礼金。', receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(router.currentRoute.value).toMatchObject({ name: 'clue-detail', params: { id: CLUE_ID } });
    expect((wrapper.find('textarea[data-test="clue-content"]').element as HTMLTextAreaElement).value).toBe('');
  });
});
