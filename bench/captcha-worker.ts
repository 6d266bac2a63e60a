import { parentPort } from 'node:worker_threads';
import type { Captcha } from '../server/platform/http/captcha.js';
import { solveCaptcha } from '../server/platform/http/captcha-solver.js';

parentPort!.on('message', (challenges: Captcha[]) => parentPort!.postMessage(challenges.map(solveCaptcha)));
