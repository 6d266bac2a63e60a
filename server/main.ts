import { ConfigError } from './config.js';
import { UnsafeDatabaseError } from './platform/db/database.js';
import { MigrationError } from './platform/db/migrate.js';
import { CliError } from './cli/cli-error.js';
import { msg } from './cli/say.js';

interface Command {
  run(args: string[]): Promise<number>;
}

/** Each command lives in its own file and is loaded only when asked for. */
const commands: Record<string, () => Promise<Command>> = {
  serve: () => import('./cli/serve.js'),
  migrate: () => import('./cli/migrate.js'),
  seed: () => import('./cli/seed.js'),
  backup: () => import('./cli/backup.js'),
  restore: () => import('./cli/restore.js'),
  'audit verify': () => import('./cli/audit-verify.js'),
  'clue verify': () => import('./cli/clue-verify.js'),
  'draw verify': () => import('./cli/draw-verify.js'),
  'user create-admin': () => import('./cli/create-admin.js'),
  'bench-data': () => import('./cli/bench-data.js'),
};

function resolve(argv: string[]): { load: () => Promise<Command>; args: string[] } | null {
  const two = argv.slice(0, 2).join(' ');
  if (commands[two]) return { load: commands[two], args: argv.slice(2) };
  const one = argv[0];
  if (one && commands[one]) return { load: commands[one], args: argv.slice(1) };
  return null;
}

async function main(argv: string[]): Promise<number> {
  const found = resolve(argv);
  if (!found) {
    process.stderr.write(`${msg('usage')}\n`);
    return argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' ? 0 : 2;
  }
  const command = await found.load();
  return command.run(found.args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof ConfigError || e instanceof UnsafeDatabaseError) {
      process.stderr.write(`${msg('configError', { message: e.message })}\n`);
      process.exitCode = 2;
    } else if (e instanceof MigrationError) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 1;
    } else if (e instanceof CliError) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = e.exitCode;
    } else {
      process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 1;
    }
  },
);
