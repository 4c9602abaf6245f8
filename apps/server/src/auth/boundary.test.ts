import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ROLES, type Role } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../test/app.js';
import { buildWalkFixtures } from '../../test/route-cases/fixtures.js';
import { fullDataIn } from '../../test/route-cases/masking.js';
import { can } from './permissions.js';
import { auditOutcomes } from '../audit/audit.js';
import { routeCases, type Fixtures } from '../../test/route-cases/index.js';

/**
 * Every registered route × every role × in and out of the actor's scope. A route added without
 * a case in test/route-cases/ (the capability's file) fails here, so no route escapes the access and scope checks.
 */
describe('route × role × scope', async () => {
  const { app, db } = await testApp();
  const sessions = new Map<Role, Session>();
  let fx: Fixtures;

  beforeAll(async () => {
    fx = await buildWalkFixtures(db);
    for (const role of ROLES) sessions.set(role, await loginAs(app, `u-${role}`));
  });

  // Streams never end, so app.inject cannot wait for them: open them over HTTP, read the status, hang up.
  let origin = '';
  async function streamStatus(url: string, headers: Record<string, string>) {
    origin ||= await app.listen({ port: 0, host: '127.0.0.1' });
    const abort = new AbortController();
    const res = await fetch(origin + url, { headers, signal: abort.signal });
    abort.abort();
    return {
      statusCode: res.status,
      headers: { 'content-type': res.headers.get('content-type') ?? '' },
      body: '',
      json: () => ({}),
    };
  }

  // The audit rows a call leaves, as a sorted list of events: each call sends its own user agent, which its
  // audit rows carry, so rows that jobs started by earlier calls write meanwhile are not counted.
  let calls = 0;
  async function auditedBy<T>(call: (userAgent: string) => T): Promise<[Awaited<T>, string[]]> {
    const userAgent = `route-walk ${++calls}`;
    const result = await call(userAgent);
    const { rows } = await db.execute(sql`SELECT event FROM audit_log WHERE user_agent = ${userAgent}`);
    return [result, rows.map((r) => String(r.event)).sort()];
  }

  const routes = () => app.routeRegistry.filter((r) => !r.url.startsWith('/api/docs'));

  it('has a case for every registered route', () => {
    const missing = routes()
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !routeCases[key]);
    expect(missing).toEqual([]);
  });

  it('probes every route out of its scope, or says why it has none', () => {
    const unprobed = Object.entries(routeCases)
      .filter(([, c]) => !c.outOfScope && !c.noScope)
      .map(([key]) => key);
    expect(unprobed).toEqual([]);
  });

  it('answers 401 to anonymous callers of every non-public route', async () => {
    for (const route of routes()) {
      const c = routeCases[`${route.method} ${route.url}`]!;
      const res = await app.inject({ method: route.method as never, ...c.inScope(fx) });
      if (route.access === 'public') expect(res.statusCode, `${route.method} ${route.url}`).not.toBe(401);
      else expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  for (const role of ROLES) {
    it(`lets ${role} do exactly what its permissions allow, and only inside its scope`, async () => {
      const session = sessions.get(role)!;
      for (const route of routes()) {
        const key = `${route.method} ${route.url}`;
        const c = routeCases[key]!;
        const allowed = route.access === 'public' || route.access === 'authenticated' || can(role, route.access);
        const send = (req: ReturnType<typeof c.inScope>) => (userAgent: string) =>
          c.stream && allowed
            ? streamStatus(req.url, { ...session.headers, ...req.headers })
            : app.inject({
                method: route.method as never,
                ...req,
                headers: { ...session.headers, 'user-agent': userAgent, ...req.headers },
              });
        const [inside, written] = await auditedBy(send(c.inScope(fx, role)));
        if (!allowed) {
          expect(inside.statusCode, `${role} ${key}`).toBe(403);
          expect(written, `${role} ${key}: a refused call writes no audit row`).toEqual([]);
          continue;
        }
        if (c.status) expect(inside.statusCode, `${role} ${key}`).toBe(c.status);
        else expect(inside.statusCode, `${role} ${key}: ${inside.body.slice(0, 200)}`).toBeLessThan(300);
        // Audit is declared: a successful call writes exactly the declared rows (a replay of a stored id, none), a failed one none.
        const outcomes = inside.statusCode < 300 ? auditOutcomes(route.audit) : [[]];
        if (c.auditNone && written.length === 0) outcomes.push([]);
        if (c.auditOnRefusal && inside.statusCode >= 300) outcomes.push(...auditOutcomes(route.audit));
        expect(
          outcomes,
          `${role} ${key} (${inside.statusCode}) wrote the audit rows [${written}], declared ${JSON.stringify(route.audit)}`,
        ).toContainEqual(written);
        if (String(inside.headers['content-type']).includes('json')) c.expectInScope?.(inside.json());
        // Masking for every role: without persons.readFull, no answer carries an ID number or phone in clear.
        if (!can(role, 'persons.readFull') && !c.unmasked)
          expect(await fullDataIn(inside), `${role} ${key}: unmasked personal data`).toEqual([]);
        if (!c.outOfScope) continue;
        const [outside, writtenOutside] = await auditedBy(send(c.outOfScope(fx, role)));
        if (outside.statusCode >= 300)
          expect(writtenOutside, `${role} ${key}: an out-of-scope call writes no audit row`).toEqual([]);
        await c.expectOutOfScope(
          outside.statusCode,
          String(outside.headers['content-type']).includes('json')
            ? outside.json()
            : 'rawPayload' in outside
              ? outside.rawPayload
              : undefined,
          key,
        );
      }
    }, 120_000); // one walk a role over every route: it grows with the routes, and with a loaded machine
  }
});
