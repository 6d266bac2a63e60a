import { defineComponent, h, onMounted } from 'vue';
import { vi } from 'vitest';

/** A solved proof-of-work payload, as the altcha widget hands it over. */
export const CAPTCHA = 'eyJhbGdvcml0aG0iOiJTSEEtMjU2In0=';

/**
 * Stands in for the altcha widget, which needs workers and WebCrypto that happy-dom lacks (the Chromium
 * test runs the real one): it reports a solved payload at once and counts the resets the page asks for.
 */
export function captchaStub() {
  const state = { resets: 0 };
  const component = defineComponent({
    name: 'CaptchaField',
    props: { error: { type: String, default: null }, errorId: { type: String, required: true } },
    emits: ['change'],
    setup(props, { emit, expose }) {
      onMounted(() => emit('change', CAPTCHA));
      expose({
        reset: () => {
          state.resets++;
          emit('change', CAPTCHA);
        },
      });
      return () => h('div', { 'data-test': 'captcha' }, props.error ? h('p', { class: 'field__error' }, props.error) : []);
    },
  });
  return { component, state };
}

export interface Call {
  url: string;
  init: RequestInit;
}

export type Answer = Response | Error | ((init: RequestInit) => Response | Error);

/** A scripted server: each URL answers from its queue (the last answer repeats); every call is recorded. */
export function scriptServer(routes: Record<string, Answer[]>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ url, init });
      const queue = routes[url];
      if (!queue?.length) return new Response(JSON.stringify({ error: { code: 'ROUTE_NOT_FOUND' } }), { status: 404 });
      const next = queue.length > 1 ? queue.shift()! : queue[0]!;
      const answer = typeof next === 'function' ? next(init) : next;
      if (answer instanceof Error) throw answer;
      return answer.clone();
    }),
  );
  return calls;
}

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const headerOf = (c: Call, name: string) => (c.init.headers as Record<string, string> | undefined)?.[name];
