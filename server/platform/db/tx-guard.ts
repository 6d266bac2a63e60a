import { AsyncLocalStorage } from 'node:async_hooks';
import { Kysely, type DatabaseConnection, type Driver, type TransactionBuilder, type TransactionSettings } from 'kysely';

/**
 * Inside a transaction every query must go through the transaction object. A query on the root database
 * instead waits for a connection the transaction itself holds: a deadlock on SQLite (one connection) and
 * pool exhaustion under load on PostgreSQL. This guard turns that mistake into an immediate error.
 */
type State = { phase: 'starting' | 'active' | 'done' };
const current = new AsyncLocalStorage<State>();

export class TransactionMisuseError extends Error {
  constructor() {
    super('a query used the root database inside a transaction; pass the transaction (tx) instead');
  }
}

export class GuardedDriver implements Driver {
  constructor(private readonly inner: Driver) {}
  init(): Promise<void> {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    if (current.getStore()?.phase === 'active') throw new TransactionMisuseError();
    return this.inner.acquireConnection();
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.inner.beginTransaction(connection, settings);
    const s = current.getStore();
    if (s) s.phase = 'active';
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const s = current.getStore();
    if (s) s.phase = 'done';
    await this.inner.commitTransaction(connection);
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const s = current.getStore();
    if (s) s.phase = 'done';
    await this.inner.rollbackTransaction(connection);
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** A Kysely whose transactions run in their own async context, so the guarded driver can tell them apart. */
export class GuardedKysely<DB> extends Kysely<DB> {
  override transaction(): TransactionBuilder<DB> {
    if (current.getStore()?.phase === 'active') throw new TransactionMisuseError();
    const builder = super.transaction();
    const execute = builder.execute.bind(builder);
    (builder as { execute: typeof execute }).execute = (callback) => current.run({ phase: 'starting' }, () => execute(callback));
    return builder;
  }
}
