import Fastify from 'fastify';

/**
 * The ceiling: Fastify 5 answering a small JSON object with a response schema, no plugins, no logger,
 * no database. Every application route is reported as a fraction of this.
 */
const app = Fastify({ logger: false });
app.get(
  '/bare',
  { schema: { response: { 200: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] } } } },
  async () => ({ status: 'ok' }),
);
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
