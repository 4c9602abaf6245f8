import Fastify from 'fastify';

// The ceiling for any route: Fastify answering a constant JSON body, in its own process.
const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true }));
const port = Number(process.env.PORT ?? 0);
await app.listen({ host: '127.0.0.1', port });
process.send?.({ port: (app.server.address() as { port: number }).port });
