import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.js';
import * as m0002 from './0002_directory.js';
import * as m0003 from './0003_access.js';
import * as m0004 from './0004_rectification.js';
import * as m0005 from './0005_inspections.js';
import * as m0006 from './0006_people_indexes.js';
import * as m0007 from './0007_complaints.js';
import * as m0008 from './0008_person_membership.js';
import * as m0009 from './0009_signing.js';
import * as m0010 from './0010_clues.js';
import * as m0011 from './0011_clue_disposal.js';
import * as m0012 from './0012_duty_letters.js';
import * as m0014 from './0014_assessment.js';
import * as m0013 from './0013_duty_tasks.js';

/** Every migration in order; a new one is a new file plus one line here. */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_directory': m0002,
  '0003_access': m0003,
  '0004_rectification': m0004,
  '0005_inspections': m0005,
  '0006_people_indexes': m0006,
  '0007_complaints': m0007,
  '0008_person_membership': m0008,
  '0009_signing': m0009,
  '0010_clues': m0010,
  '0011_clue_disposal': m0011,
  '0012_duty_letters': m0012,
  '0014_assessment': m0014,
  '0013_duty_tasks': m0013,
};
