import crypto from 'node:crypto';
import pg from 'pg';

export interface ScratchSchema {
  /** DATABASE_URL with the scratch schema as search_path: the generator and the servers see only it. */
  url: string;
  schema: string;
  drop(): Promise<void>;
}

/** A throwaway schema in DATABASE_URL's database, so a benchmark never touches the data already there. */
export async function createScratchSchema(databaseUrl: string): Promise<ScratchSchema> {
  const schema = `qf_bench_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create schema ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema, drop: () => run(`drop schema ${schema} cascade`) };
}
