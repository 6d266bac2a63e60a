import type { Kysely, Transaction } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Permission, RoleKind } from '../../contracts/permissions.js';
import type { Config } from '../config.js';
import type { DB } from '../schema.js';
import type { Clock } from './clock/clock.js';
import type { CryptoPort } from './crypto/crypto.port.js';
import type { KeyRing } from './crypto/keyring.js';
import type { DialectName } from './db/database.js';
import type { StoragePort } from './storage/storage.port.js';
import type { Mailer } from './notify/mailer.js';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;

/** Long-lived collaborators, built once per process by buildApp. */
export interface Deps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  crypto: CryptoPort;
  keys: KeyRing;
  config: Config;
  log: FastifyBaseLogger;
  storage: StoragePort;
  mailer: Mailer | null;
  /** Identifies this process in job leases. */
  instanceId: string;
}

/** Where an actor's permission reaches: the whole tenant, org subtrees, single orgs, or their own records. */
export interface Scope {
  all: boolean;
  subtrees: string[];
  orgs: string[];
  self: boolean;
}

export interface UserActor {
  kind: 'user';
  tenantId: string;
  userId: string;
  username: string;
  personId: string | null;
  accountKind: RoleKind;
  sessionId: string;
  roles: string[];
  permissions: Map<Permission, Scope>;
}

export type Actor = UserActor | { kind: 'public'; tenantId: string } | { kind: 'system'; tenantId: string };

export interface IdempotencyClaim {
  scope: string;
  key: string;
  fingerprint: string;
  statusCode: number;
}

/** Everything a use case needs about the call it serves. */
export interface Ctx {
  deps: Deps;
  actor: Actor;
  tenantId: string;
  requestId: string | null;
  /** Staff requests only; null on public routes by construction. */
  sourceIp: string | null;
  idempotency: IdempotencyClaim | null;
}

export function systemCtx(deps: Deps, tenantId: string): Ctx {
  return { deps, actor: { kind: 'system', tenantId }, tenantId, requestId: null, sourceIp: null, idempotency: null };
}

export function userId(ctx: Ctx): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}
