import { Type, type Static, type TSchema } from 'typebox';

/** UUIDv7 rendered as text; both dialects store ids this way. */
export const Id = Type.String({ format: 'uuid', maxLength: 36 });

/** ISO-8601 timestamp with +08:00 offset, produced only by the clock. */
export const Timestamp = Type.String({ maxLength: 40 });

/** Calendar date YYYY-MM-DD. */
export const DateOnly = Type.String({ format: 'date', maxLength: 10 });

/** A calendar year the yearly work (letters, plans, rubrics, ledgers) is kept for. */
export const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

/**
 * Short single-line text (names, titles). Format `plain` rejects markup, ASCII quotes and
 * semicolons, control, zero-width and bidi-override characters: such input in a name is an attack.
 */
export const Plain = (opts: { minLength?: number; maxLength?: number } = {}) =>
  Type.String({ format: 'plain', minLength: opts.minLength ?? 1, maxLength: opts.maxLength ?? 100 });

/** Multi-line free text. Format `text` rejects markup tags, control, zero-width and bidi-override characters. */
export const Text = (opts: { minLength?: number; maxLength?: number } = {}) =>
  Type.String({ format: 'text', minLength: opts.minLength ?? 0, maxLength: opts.maxLength ?? 5000 });

/** ASCII code (dictionary codes, permission codes). */
export const Code = Type.String({ pattern: '^[a-z][a-z0-9_.:-]{0,63}$', maxLength: 64 });

export const Flag = Type.Union([Type.Literal(0), Type.Literal(1)]);

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  q: Type.Optional(Type.String({ format: 'plain', maxLength: 100 })),
};

export const Paged = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const Ok = Type.Object({ ok: Type.Literal(true) });

/** Body schemas are closed: unknown fields are a client error, not silently dropped. */
export const Body = <T extends Record<string, TSchema>>(props: T) => Type.Object(props, { additionalProperties: false });

/** Row-level import report, shared by every Excel import. */
export const ImportReport = Type.Object({
  ok: Type.Boolean(),
  created: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), column: Type.String(), code: Type.String() })),
});
export type ImportReport = Static<typeof ImportReport>;
