import { loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { parse } from './args.js';
import { say } from './say.js';

export async function run(args: string[]): Promise<number> {
  parse(args, {});
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length) say('migrated', { names: applied.join(', ') });
    else say('upToDate');
    return 0;
  } finally {
    await database.close();
  }
}
