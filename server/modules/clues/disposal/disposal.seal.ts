import type { Ctx } from '../../../platform/context.js';

/** A disposal row's free text is sealed to that row and field: `<table>:<field>:<row id>`. */
export const rowAad = (table: string, field: string, id: string) => `${table}:${field}:${id}`;

export function sealRow(ctx: Ctx, table: string, field: string, id: string, text: string | null | undefined): string | null {
  return text ? ctx.deps.crypto.encrypt(ctx.tenantId, text, rowAad(table, field, id)) : null;
}

export function openRow(ctx: Ctx, table: string, field: string, id: string, envelope: string | null): string {
  return envelope ? ctx.deps.crypto.decrypt(ctx.tenantId, envelope, rowAad(table, field, id)) : '';
}
