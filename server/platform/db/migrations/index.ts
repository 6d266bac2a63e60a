import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.js';
import * as m0002 from './0002_directory.js';
import * as m0003 from './0003_access.js';

/** Every migration in order; a new one is a new file plus one line here. */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_directory': m0002,
  '0003_access': m0003,
};
