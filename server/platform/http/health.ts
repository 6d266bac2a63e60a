import { sql } from 'kysely';
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context.js';

/** Load balancers call this: it answers only when the database does. */
export function installHealth(app: FastifyInstance, deps: Deps): void {
  app.get(
    '/api/health',
    {
      config: { auth: 'none' },
      schema: { tags: ['platform'], response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) } },
    },
    async () => {
      await sql`select 1`.execute(deps.db);
      return { status: 'ok' as const, database: deps.dialect };
    },
  );
}
