import { describe, expect, it } from 'vitest';
import { publicLogLevel } from './public-log-level.js';

describe('publicLogLevel', () => {
  it.each([
    ['trace', 'warn'],
    ['debug', 'warn'],
    ['info', 'warn'],
    ['warn', 'warn'],
    ['error', 'error'],
    ['fatal', 'fatal'],
    ['silent', 'silent'],
  ])('a server at %s logs the portal at %s', (server, portal) => expect(publicLogLevel(server)).toBe(portal));
});
