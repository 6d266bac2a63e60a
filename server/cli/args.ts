import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error.js';
import { msg } from './say.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict parsing: an unknown or malformed option is a usage error (exit 2), not silently ignored. */
export function parse<O extends Options>(args: string[], options: O, positionals = 0) {
  try {
    const r = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
    if (r.positionals.length > positionals) throw new Error(msg('unexpectedArgument', { arg: r.positionals[positionals]! }));
    return r;
  } catch (e) {
    throw new CliError(2, (e as Error).message);
  }
}
