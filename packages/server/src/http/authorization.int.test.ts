/**
 * The authorisation matrix (issue 4 §5): every route the API serves × {anonymous, patient A,
 * patient B, clinician of A, clinician of another clinic, admin}, each cell its own test, all
 * generated from the one table in route-matrix.fixture.ts. A route the app serves without an
 * entry fails the suite, and so does an entry for a route that no longer exists.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './app.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import {
  buildWorldApp,
  isWrite,
  methodOf,
  routeMatrix,
  urlFor,
  type RouteEntry,
} from './route-matrix.fixture.js';
import { ACTORS, openWorld, type Actor, type OpenWorld, type World } from './world.fixture.js';

let opened: OpenWorld;
let world: World;
let app: App;
let served: ReadonlySet<string>;

beforeAll(async () => {
  opened = await openWorld();
  world = opened.world;
  const built = buildWorldApp(world);
  app = built.app;
  served = built.routes;
  await app.ready();
}, 120_000);

afterAll(async () => {
  await app.close();
  await opened.close();
}, 60_000);

/** Actors who must never see patient A's record: patient B and the other clinic. */
const OUTSIDERS: ReadonlySet<Actor> = new Set(['patientB', 'clinicianOfOtherClinic']);

/** The entry's valid request, sent as `actor` (a fresh session), with the CSRF header or not. */
async function send(entry: RouteEntry, actor: Actor, options: { csrf?: boolean } = {}) {
  const request = (await entry.request?.(world, actor)) ?? {};
  const login = await world.login(actor);
  const withCsrf = (options.csrf ?? true) && isWrite(entry.route);
  const inject: InjectOptions = {
    method: methodOf(entry.route),
    url: urlFor(entry.route, request.params, request.query),
    headers: { ...(withCsrf ? login?.csrf : {}), ...request.headers },
    ...(login === null ? {} : { cookies: { ...login.cookies } }),
    ...(request.body === undefined ? {} : { payload: request.body as string | object }),
  };
  return app.inject(inject);
}

describe('the route table', () => {
  it('has an entry for every route the API serves', () => {
    const listed = new Set(routeMatrix.map((entry) => entry.route));
    const missing = [...served].filter((route) => !listed.has(route)).sort();
    expect(missing, 'add these routes to route-matrix.fixture.ts').toEqual([]);
  });

  it('lists only routes the API serves, each once', () => {
    const routes = routeMatrix.map((entry) => entry.route);
    expect(routes.filter((route) => !served.has(route))).toEqual([]);
    expect(routes.filter((route, index) => routes.indexOf(route) !== index)).toEqual([]);
  });

  it('answers anonymous 401 everywhere but the public routes', () => {
    const open = routeMatrix.filter((entry) => entry.expect.anonymous !== 401);
    expect(open.filter((entry) => entry.public !== true).map((entry) => entry.route)).toEqual([]);
    expect(open.map((entry) => entry.route).sort()).toEqual([
      'GET /api/calendar/:token.ics',
      'POST /api/invitations/redeem',
      'POST /api/session',
    ]);
  });
});

describe.each(routeMatrix.map((entry) => [entry.route, entry] as const))('%s', (route, entry) => {
  it.each(ACTORS.map((actor) => [actor, entry.expect[actor]] as const))(
    `${route} × %s → %i`,
    async (actor, status) => {
      const response = await send(entry, actor);
      expect(response.statusCode, response.body).toBe(status);
      if (status >= 400) {
        expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
        expect(response.json()).toMatchObject({ status });
      } else if (OUTSIDERS.has(actor)) {
        // Whatever an outsider may read, nothing of patient A's is in it.
        expect(response.body).not.toContain(world.patientA.id);
        expect(response.body).not.toContain(world.patientA.displayName);
      }
    },
  );

  // A signed-in write without the CSRF header is refused before it does anything.
  if (isWrite(route) && entry.csrf !== false) {
    const allowed = ACTORS.filter(
      (actor) => actor !== 'anonymous' && entry.expect[actor] >= 200 && entry.expect[actor] < 300,
    );
    it.each(allowed)(`${route} × %s without the CSRF header → 403`, async (actor) => {
      const response = await send(entry, actor, { csrf: false });
      expect(response.statusCode, response.body).toBe(403);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    });
  }
});
