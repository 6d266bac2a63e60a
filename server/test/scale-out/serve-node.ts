import { sql } from 'kysely';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { moduleJobs } from '../../modules/index.js';
import type { JobDef } from '../../platform/jobs/job-def.js';
import { platformJobs } from '../../platform/jobs/platform-jobs.js';
import { startJobs } from '../../platform/jobs/scheduler.js';
import { FAST_HASH } from '../world.js';

/**
 * One node of the scale-out test: the server as `serve` builds it (buildApp + listen, configuration and
 * keys from the environment), with a cheap argon2 cost and one extra cron job that fires every second.
 * The probe records each run it makes and then stays busy for a while, so the other node's ticks get
 * to claim slots too: both nodes compete for every slot, and the table shows who ran which one.
 */
const probe: JobDef = {
  kind: 'scale_out.probe',
  cron: '* * * * * *',
  async run(deps, job) {
    await sql`insert into scale_out_probe (job_id, instance) values (${job.id}, ${deps.instanceId})`.execute(deps.db);
    await new Promise((r) => setTimeout(r, 1200));
  },
};

const config = { ...loadConfig(), passwordHashing: FAST_HASH, runJobs: false };
const app = await buildApp({ config });
const stopJobs = startJobs(app.deps, [...platformJobs, ...moduleJobs, probe]);
app.addHook('onClose', stopJobs);
await app.listen({ host: config.host, port: config.port });

const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
