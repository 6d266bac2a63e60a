import type { Db, Tx } from '../../platform/context.js';
import { findPerson } from './people.repo.js';

/** For other modules (accounts link a login to a person) without reaching into this module's tables. */
export async function personExists(db: Db | Tx, tenantId: string, id: string): Promise<boolean> {
  return !!(await findPerson(db, tenantId, id));
}
