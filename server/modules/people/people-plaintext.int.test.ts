import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../test/database.js';
import { createWorld, type World } from '../../test/world.js';
import { multipartUpload, rosterWorkbook } from './roster.fixture.js';

/**
 * Marker numbers go through every path that handles them (create, search, reveal, update, a refused
 * duplicate, import); afterwards neither the database files nor the log may hold them as text.
 * A non-sensitive marker (the name) must be found by the same scan, so the scan is known to look.
 */
const ID_NUMBER = '371402198807159876';
const MOBILE = '13987650123';
const IMPORTED_ID = '371402199912318765';
const IMPORTED_MOBILE = '13765432109';
const SECRETS = [ID_NUMBER, MOBILE, IMPORTED_ID, IMPORTED_MOBILE];
const NAME = '明文探针人员';

const log: string[] = [];
let w: World;
beforeAll(async () => {
  w = await createWorld({ logTo: { write: (line) => log.push(line) } });
  const created = await w.as('orgOfficer').post(
    '/api/people',
    { name: NAME, gender: 'male', politicalStatus: 'cpc_member', idNumber: ID_NUMBER, mobile: MOBILE, primaryOrgId: w.orgs.unitASection },
    { 'idempotency-key': 'plaintext-probe-0001' },
  );
  expect(created.statusCode).toBe(201);
  const id = created.json().id;
  expect((await w.as('orgOfficer').get(`/api/people?mobile=${MOBILE}`)).json().total).toBe(1);
  expect((await w.as('orgOfficer').get(`/api/people?q=${ID_NUMBER}`)).json().total).toBe(1);
  expect((await w.as('secretary').post(`/api/people/${id}/reveal`, { reason: '核对' })).json().idNumber).toBe(ID_NUMBER);
  expect((await w.as('orgOfficer').patch(`/api/people/${id}`, { mobile: MOBILE, idNumber: ID_NUMBER })).statusCode).toBe(200);
  const dup = await w.as('orgOfficer').post('/api/people', { name: '重复探针', gender: 'male', politicalStatus: 'masses', idNumber: ID_NUMBER, primaryOrgId: w.orgs.unitA });
  expect(dup.statusCode).toBe(409);
  const bad = await w.as('orgOfficer').post('/api/people', { name: '坏号探针', gender: 'male', politicalStatus: 'masses', idNumber: `${ID_NUMBER}0`, primaryOrgId: w.orgs.unitA });
  expect(bad.statusCode).toBe(400);
  const { body, headers } = multipartUpload(await rosterWorkbook([['导入探针', '女', null, '群众', null, IMPORTED_ID, IMPORTED_MOBILE, '运行股', null]]));
  expect((await w.as('orgOfficer').inject({ method: 'POST', url: '/api/people/import', payload: body, headers })).statusCode).toBe(200);
});
afterAll(async () => w.close());

function absent(haystack: Buffer | string, label: string): void {
  for (const s of SECRETS) expect(haystack.includes(s), `${s} in ${label}`).toBe(false);
}

describe('sensitive numbers at rest and in the log', () => {
  it.runIf(testDialect === 'sqlite')('are not in the SQLite file or its WAL', () => {
    const db = w.sqlitePath!;
    expect(fs.statSync(`${db}-wal`).size).toBeGreaterThan(0);
    const bytes = Buffer.concat([fs.readFileSync(db), fs.readFileSync(`${db}-wal`)]);
    expect(bytes.includes(Buffer.from(NAME)), 'the scan finds ordinary text').toBe(true);
    absent(bytes, 'the SQLite file and WAL');
    for (const f of fs.readdirSync(w.dataDir, { recursive: true, withFileTypes: true })) {
      if (f.isFile()) absent(fs.readFileSync(path.join(f.parentPath, f.name)), f.name);
    }
  });

  it('are not in a text dump of the tables that saw them', async () => {
    for (const table of ['person', 'audit_log', 'idempotency_key']) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(w.deps.db);
      const dump = rows.rows.map((r) => JSON.stringify(r)).join('\n');
      if (table === 'person') expect(dump).toContain(NAME);
      absent(dump, table);
    }
  });

  it('are not in the log', () => {
    const text = log.join('');
    expect(text).toContain('/api/people/import');
    expect(text).toContain('DUPLICATE');
    absent(text, 'the log');
  });
});
