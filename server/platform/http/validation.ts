import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { isPlain, isText } from './formats.js';

function makeAjv(coerceTypes: boolean): Ajv {
  // Body validation never coerces or strips: a wrong type or an unknown field is the client's error.
  const ajv = new Ajv({ coerceTypes, removeAdditional: false, useDefaults: true, allErrors: false, strict: false });
  (formatsPlugin as unknown as (a: Ajv, f: string[]) => void)(ajv, ['date', 'date-time', 'uuid', 'email', 'uri']);
  ajv.addFormat('plain', { type: 'string', validate: isPlain });
  ajv.addFormat('text', { type: 'string', validate: isText });
  return ajv;
}

const bodyAjv = makeAjv(false);
const paramAjv = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : paramAjv).compile(schema as object) as ReturnType<FastifySchemaCompiler<any>>;
