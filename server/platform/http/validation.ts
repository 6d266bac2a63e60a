import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { AppError } from './errors.js';
import { isPlain, isText } from '../../../contracts/text-formats.js';

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

/**
 * A state-changing route without a body schema takes no body: anything but nothing (or `{}`) is refused,
 * so no route silently ignores input the client believed it sent.
 */
export function installNoBodyGuard(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!methods.some((m) => m === 'POST' || m === 'PUT' || m === 'PATCH' || m === 'DELETE')) return;
    if ((route.schema as { body?: unknown } | undefined)?.body) return;
    const guard = async (req: FastifyRequest) => {
      const b = req.body as unknown;
      if (b === undefined || b === null || (typeof b === 'object' && !Array.isArray(b) && Object.keys(b).length === 0)) return;
      if (req.isMultipart()) return;
      throw new AppError('VALIDATION_FAILED', { part: 'body', keyword: 'none' });
    };
    route.preValidation = [...[route.preValidation ?? []].flat(), guard];
  });
}
