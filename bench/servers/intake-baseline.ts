import crypto from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../../server/config.js';
import { slowLookupHash } from '../../server/platform/auth/password.js';
import { createGmCrypto } from '../../server/platform/crypto/gm-crypto.js';
import { KeyRing, loadKeyMaterial } from '../../server/platform/crypto/keyring.js';
import { openDatabase } from '../../server/platform/db/database.js';
import { gatedHash } from '../../server/modules/complaints/portal/hash-gate.js';

/**
 * The least a portal intake can do: a fresh 16-digit receipt code, its slow hash (the same argon2id
 * parameters, key derivation and hash gate as the real route) and one durable row insert (its own commit,
 * on the same database with the same durability settings). Anonymous intake is measured against this:
 * what the real route adds — parsing, validation, captcha, encryption, the timeline, audit, idempotency —
 * shows as the distance between the two.
 */
const config = loadConfig(process.env);
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
const keys = new KeyRing(loadKeyMaterial(config.dataDir, process.env));
const gm = createGmCrypto(keys);
const salt = keys.derive('complaint-receipt:baseline');
await sql`create table if not exists bench_receipt (id varchar(36) primary key, receipt_hash varchar(100) not null, created_at varchar(40) not null)`.execute(database.db);

const app = Fastify({ logger: false });
app.post('/baseline', async (_req, reply) => {
  const receiptCode = gm.randomDigits(16);
  const hash = await gatedHash(() => slowLookupHash(salt, receiptCode, config.passwordHashing));
  await sql`insert into bench_receipt (id, receipt_hash, created_at) values (${crypto.randomUUID()}, ${hash}, ${new Date().toISOString()})`.execute(database.db);
  return reply.code(201).send({ receiptCode });
});
app.get('/ready', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
const stop = () => void app.close().then(() => database.close()).then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
