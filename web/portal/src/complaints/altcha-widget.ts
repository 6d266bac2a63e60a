/**
 * The altcha proof-of-work widget, loaded only on pages that need it. The `external` build keeps its CSS in
 * a stylesheet and its workers in files served from this origin, so it runs under `script-src 'self'` and
 * `worker-src 'self'` with no inline code. Only hash algorithms are registered: they use WebCrypto, while
 * Argon2 and scrypt would need WebAssembly, which the CSP does not allow.
 */
import 'altcha/external';
import 'altcha/altcha.css';
import type { AltchaWidgetElement } from 'altcha/types/generic';
import type { Configuration } from 'altcha/types';
import Pbkdf2Worker from 'altcha/workers/pbkdf2?worker';
import ShaWorker from 'altcha/workers/sha?worker';

for (const alg of ['SHA-256', 'SHA-384', 'SHA-512']) globalThis.$altcha.algorithms.set(alg, () => new ShaWorker());
for (const alg of ['PBKDF2/SHA-256', 'PBKDF2/SHA-384', 'PBKDF2/SHA-512']) globalThis.$altcha.algorithms.set(alg, () => new Pbkdf2Worker());

/** The widget's texts come from the portal's own locale files, registered under one language code. */
const LANGUAGE = 'qingfeng';

export function setStrings(strings: Record<string, string>): void {
  globalThis.$altcha.i18n.set(LANGUAGE, strings);
}

/**
 * Puts a widget into `host`; `onChange` receives the payload once solved, and null when it is reset or expires.
 * The settings go in as the `configuration` attribute: the widget's methods exist only once it has mounted.
 */
export function mountWidget(host: HTMLElement, challengeUrl: string, onChange: (payload: string | null) => void): AltchaWidgetElement {
  const widget = document.createElement('altcha-widget');
  const configuration: Partial<Configuration> = {
    challenge: challengeUrl,
    // A staff session cookie on this origin has no business in a reporter's request.
    credentials: 'omit',
    language: LANGUAGE,
    // The proof of work starts when the reporter first focuses the form, so it is done by the time they submit.
    auto: 'onfocus',
    hideFooter: true,
    hideLogo: true,
    humanInteractionSignature: false,
    workers: Math.min(4, navigator.hardwareConcurrency || 2),
  };
  widget.setAttribute('configuration', JSON.stringify(configuration));
  widget.addEventListener('statechange', (e) => {
    const detail = (e as CustomEvent<{ state: string; payload: string | null }>).detail;
    onChange(detail.state === 'verified' ? detail.payload : null);
  });
  host.appendChild(widget);
  return widget;
}
