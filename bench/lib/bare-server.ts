import Fastify from 'fastify';
import pg from 'pg';
import { createBatcher } from '../../apps/server/src/db/batcher.js';

// The ceilings for any route, in a process of its own: Fastify answering a constant JSON body, and,
// given DATABASE_URL, the thinnest HTTP write there is — a JSON body in, one single-row INSERT on
// its own connection from a pool, no session, no validation — alone per request and grouped as the
// app groups its writes, so a write route can be compared with what HTTP and the round trips cost.
const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true }));
if (process.env.DATABASE_URL) {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 20 /* as the app's pool (db/client.ts) */,
  });
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_http_insert (id uuid PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload jsonb NOT NULL)',
  );
  app.post<{ Body: { id: string } }>('/bare-insert', async (req, reply) => {
    await pool.query('INSERT INTO bench_http_insert (id, payload) VALUES ($1, $2)', [req.body.id, req.body]);
    return reply.code(201).send({ id: req.body.id });
  });
  // The same with group commit (the app's batcher): the bodies posted together, one INSERT.
  const batch = createBatcher(async (bodies: { id: string }[]) => {
    await pool.query(
      "INSERT INTO bench_http_insert (id, payload) SELECT (b->>'id')::uuid, b FROM jsonb_array_elements($1::jsonb) b",
      [JSON.stringify(bodies)],
    );
    return bodies.map((b) => b.id);
  });
  app.post<{ Body: { id: string } }>('/bare-insert-batched', async (req, reply) =>
    reply.code(201).send({ id: await batch.add(req.body) }),
  );
  app.addHook('onClose', async () => {
    await pool.query('DROP TABLE bench_http_insert');
    await pool.end();
  });
}
const port = Number(process.env.PORT ?? 0);
await app.listen({ host: '127.0.0.1', port });
process.send?.({ port: (app.server.address() as { port: number }).port });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
