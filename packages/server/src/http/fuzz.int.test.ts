/**
 * Property-based fuzzing of every write route (issue 4 §5), taken from the route table
 * (route-matrix.fixture.ts): malformed JSON, wrong types, missing and extra fields, huge
 * strings, unicode (lone surrogates, NUL), injection and prototype-pollution strings, deep
 * nesting, arrays at the root, fuzzed path params and Idempotency-Key headers — each sent as
 * the actor allowed to write, so validation rather than authorisation answers.
 *
 * Whatever is sent: never a 5xx, and every 4xx is problem+json with its status and a title; a
 * 400 names at least one field. On failure fast-check prints the seed and the shrunk case;
 * replay one with `SPINEWISE_FUZZ_SEED=<seed>`.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { BODY_LIMIT_BYTES, type App } from './app.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import {
  buildWorldApp,
  isWrite,
  methodOf,
  paramNames,
  routeMatrix,
  urlFor,
  writerOf,
  type RouteEntry,
  type RouteRequest,
} from './route-matrix.fixture.js';
import { openWorld, type OpenWorld, type World } from './world.fixture.js';

/** Runs per property: enough to meet every kind of case, bounded so the file stays quick. */
const BODY_RUNS = 50;
const PARAM_RUNS = 20;
const HEADER_RUNS = 40;

/**
 * A bound on each property's time, shrinking included, so a server that is slow on some input
 * (or a failure whose every shrink step is slow) cannot hold the suite up; a failure found
 * before it is still reported.
 */
const PROPERTY_TIME_LIMIT_MS = 15_000;

const seedFromEnvironment = process.env.SPINEWISE_FUZZ_SEED;
const runOptions = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns,
  plugins: [fc.interruptAfterTimeLimit(PROPERTY_TIME_LIMIT_MS)],
  ...(seedFromEnvironment === undefined ? {} : { seed: Number(seedFromEnvironment) }),
});

let opened: OpenWorld;
let world: World;
let app: App;

beforeAll(async () => {
  opened = await openWorld();
  world = opened.world;
  app = buildWorldApp(world).app;
  await app.ready();
}, 120_000);

afterAll(async () => {
  await app.close();
  await opened.close();
}, 60_000);

// ---------------------------------------------------------------- nasty values

/** Strings that have broken servers: injection, prototype pollution, odd numbers and text. */
const NASTY_STRINGS = [
  '__proto__',
  'constructor',
  'prototype',
  "'; drop table users; --",
  "' or '1'='1",
  '" or ""="',
  '1; select pg_sleep(0); --',
  '{"$gt": ""}',
  '$where',
  '$ne',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83dy',
  '\u202e',
  '\ufeff',
  '💥🔥',
  'e\u0301',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  '2026-02-30',
  '2026-11-10T25:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  '',
  ' ',
];

/** One UTF-16 unit or code point of any kind, lone surrogates and NUL included. */
const anyCharacter = fc.oneof(
  fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\u202e', '\ufffe'),
  fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
  fc.integer({ min: 0, max: 0x10ffff }).map((point) => String.fromCodePoint(point)),
);

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: anyCharacter, maxLength: 40 }),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: 1_000, max: 20_000 }).map((length) => 'x'.repeat(length)),
);

const nastyKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '$where', '', 'a.b', '0'),
  fc.string({ unit: anyCharacter, maxLength: 12 }),
);

const nastyLeaf: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -0, 0.1, 1e-320),
  fc.boolean(),
  fc.constant(null),
  fc.uuid(),
);

/** An object whose keys are set as own properties, so `__proto__` is a key, not a prototype. */
function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}

const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyLeaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(nastyKey, tie('value')), { maxLength: 4 }).map(objectOf),
  ),
})).value;

// ---------------------------------------------------------------- body cases

type Path = readonly (string | number)[];

/** What to do to the route's valid body: described as data, applied to each fresh body. */
type BodyCase =
  | { readonly kind: 'whole'; readonly value: unknown }
  | { readonly kind: 'raw'; readonly text: string; readonly contentType: string | null }
  | { readonly kind: 'replace'; readonly path: Path; readonly value: unknown }
  | { readonly kind: 'remove'; readonly path: Path }
  | { readonly kind: 'add'; readonly path: Path; readonly key: string; readonly value: unknown }
  | { readonly kind: 'deep'; readonly path: Path; readonly depth: number; readonly array: boolean }
  | { readonly kind: 'huge'; readonly path: Path; readonly length: number; readonly unit: string }
  | { readonly kind: 'wrapped'; readonly inArray: boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every path into `value` (objects' keys, arrays' indexes), the root excluded. */
function pathsOf(value: unknown, prefix: Path = [], depth = 0): Path[] {
  if (depth > 6) return [];
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : isRecord(value)
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => {
    const path = [...prefix, key];
    return [path, ...pathsOf(child, path, depth + 1)];
  });
}

/** The object or array paths of `value`, the root included: where a key can be added. */
function containersOf(value: unknown): Path[] {
  const all: Path[] = [[], ...pathsOf(value)];
  return all.filter((path) => {
    const found = valueAt(value, path);
    return isRecord(found) || Array.isArray(found);
  });
}

function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isRecord(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
}

/** A copy of `body` with `change` applied to the container at `path`'s parent. */
function changeAt(
  body: unknown,
  path: Path,
  change: (parent: Record<string, unknown> | unknown[], key: string | number) => void,
): unknown {
  const copy = structuredClone(body);
  const parent = valueAt(copy, path.slice(0, -1));
  const key = path.at(-1);
  if (key !== undefined && (isRecord(parent) || Array.isArray(parent))) change(parent, key);
  return copy;
}

function setKey(
  container: Record<string, unknown> | unknown[],
  key: string | number,
  value: unknown,
) {
  Object.defineProperty(container, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Stands in for a value spliced into the JSON text after `JSON.stringify`. */
const SPLICE = '\u0001spliced\u0001';

interface Payload {
  readonly text: string | undefined;
  readonly contentType: string | null;
}

function json(value: unknown): Payload {
  return { text: JSON.stringify(value), contentType: 'application/json' };
}

/** The payload for `bodyCase` applied to a fresh valid `body`. */
function payloadFor(body: unknown, bodyCase: BodyCase): Payload {
  switch (bodyCase.kind) {
    case 'whole':
      return json(bodyCase.value);
    case 'raw':
      return { text: bodyCase.text, contentType: bodyCase.contentType };
    case 'replace':
      return json(
        changeAt(body, bodyCase.path, (parent, key) => {
          setKey(parent, key, bodyCase.value);
        }),
      );
    case 'remove':
      return json(
        changeAt(body, bodyCase.path, (parent, key) => {
          if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
          else if (isRecord(parent)) Reflect.deleteProperty(parent, key);
        }),
      );
    case 'add': {
      const copy = structuredClone(body);
      const container = valueAt(copy, bodyCase.path);
      if (isRecord(container)) setKey(container, bodyCase.key, bodyCase.value);
      else if (Array.isArray(container)) container.push(bodyCase.value);
      return json(copy);
    }
    case 'deep': {
      const [open, close] = bodyCase.array ? ['[', ']'] : ['{"a":', '}'];
      const nested = `${open.repeat(bodyCase.depth)}0${close.repeat(bodyCase.depth)}`;
      const text = JSON.stringify(
        bodyCase.path.length === 0
          ? SPLICE
          : changeAt(body, bodyCase.path, (parent, key) => {
              setKey(parent, key, SPLICE);
            }),
      );
      return {
        text: text.replace(JSON.stringify(SPLICE), nested),
        contentType: 'application/json',
      };
    }
    case 'huge': {
      // `length` is in bytes of JSON: a NUL is sent as six (`\u0000`), an emoji as four.
      const encoded = Buffer.byteLength(JSON.stringify(bodyCase.unit)) - 2;
      const huge = bodyCase.unit.repeat(Math.ceil(bodyCase.length / encoded));
      return json(
        bodyCase.path.length === 0
          ? huge
          : changeAt(body, bodyCase.path, (parent, key) => {
              setKey(parent, key, huge);
            }),
      );
    }
    case 'wrapped':
      return json(bodyCase.inArray ? [body] : [[body], body]);
  }
}

/** Text that is not JSON (or is, in a type the API does not read). */
function rawCases(template: unknown): fc.Arbitrary<BodyCase> {
  const valid = JSON.stringify(template ?? {});
  return fc.record({
    kind: fc.constant('raw' as const),
    text: fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        '{',
        '[',
        '{"a":}',
        "{'a': 1}",
        '{"a": 1,}',
        'undefined',
        'NaN',
        '\u0000',
        '{"a":"\u0000"}',
        '{"__proto__": {"isAdmin": true}}',
        '{"constructor": {"prototype": {"isAdmin": true}}}',
        `{"__proto__": {"role": "admin"}, ${valid.slice(1)}`,
        `${valid}${valid}`,
        `${valid}garbage`,
      ),
      fc.nat({ max: Math.max(0, valid.length - 1) }).map((cut) => valid.slice(0, cut)),
      fc.string({ unit: anyCharacter, maxLength: 60 }),
    ),
    contentType: fc.constantFrom(
      'application/json',
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      null,
    ),
  });
}

/** Every kind of bad body for a route whose valid body is `template`. */
function bodyCases(template: unknown): fc.Arbitrary<BodyCase> {
  const paths = pathsOf(template);
  const containers = containersOf(template);
  const anyPath = paths.length > 0 ? fc.constantFrom(...paths) : fc.constant<Path>([]);
  // Mostly large, sometimes right at the body limit (either side of it), in encoded bytes.
  const hugeLength = fc.oneof(
    { arbitrary: fc.integer({ min: 1_000, max: 100_000 }), weight: 3 },
    {
      arbitrary: fc.integer({ min: BODY_LIMIT_BYTES - 2_000, max: BODY_LIMIT_BYTES + 2_000 }),
      weight: 1,
    },
  );
  const cases: fc.Arbitrary<BodyCase>[] = [
    fc.record({ kind: fc.constant('whole' as const), value: nastyValue }),
    rawCases(template),
    fc.record({
      kind: fc.constant('deep' as const),
      path: fc.oneof(fc.constant<Path>([]), anyPath),
      // JSON.parse takes any depth; whatever walks the body after it must too (a 1 MB body
      // can nest half a million levels).
      depth: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: 2_000 }), weight: 3 },
        { arbitrary: fc.integer({ min: 2_000, max: 200_000 }), weight: 1 },
      ),
      array: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('huge' as const),
      path: fc.oneof(fc.constant<Path>([]), anyPath),
      length: hugeLength,
      unit: fc.constantFrom('x', 'é', '💥', '\u0000', '\ud800', '"'),
    }),
    fc.record({ kind: fc.constant('wrapped' as const), inArray: fc.boolean() }),
  ];
  if (paths.length > 0) {
    cases.push(
      fc.record({ kind: fc.constant('replace' as const), path: anyPath, value: nastyValue }),
      fc.record({ kind: fc.constant('remove' as const), path: anyPath }),
    );
  }
  if (containers.length > 0) {
    cases.push(
      fc.record({
        kind: fc.constant('add' as const),
        path: fc.constantFrom(...containers),
        key: nastyKey,
        value: nastyValue,
      }),
    );
  }
  return fc.oneof(...cases);
}

// ---------------------------------------------------------------- path params and headers

/** Every byte of the UTF-8 (lone surrogates become U+FFFD) percent-encoded unless unreserved. */
function encodeSegment(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-._~]/u.test(char)
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** A value for a path param, already as it goes in the URL. */
const paramValue: fc.Arbitrary<string> = fc.oneof(
  // Well-formed ids of nothing.
  fc.uuid(),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'),
  // Anything at all, properly encoded.
  fc.oneof(nastyString, fc.string({ unit: anyCharacter, maxLength: 60 })).map(encodeSegment),
  // Raw text a client might put in a URL unencoded, broken escapes included.
  fc.constantFrom(
    '%',
    '%zz',
    '%E0%A4%A',
    '%00',
    '%2F',
    '..',
    '.',
    'a b',
    '1',
    '-1',
    'null',
    '%C0%AE',
  ),
  fc.integer({ min: 1_000, max: 20_000 }).map((length) => 'a'.repeat(length)),
);

/** Idempotency-Key values a client might send: printable and Latin-1 text, any length. */
const headerText = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((unit) => String.fromCharCode(unit)),
    fc.integer({ min: 0xa0, max: 0xff }).map((unit) => String.fromCharCode(unit)),
  ),
  maxLength: 260,
});
const idempotencyKey: fc.Arbitrary<string | null> = fc.oneof(
  headerText,
  fc.constantFrom('', ' ', '\t', 'reused-fuzz-key', 'reused-fuzz-key'),
  fc.integer({ min: 190, max: 8_000 }).map((length) => 'k'.repeat(length)),
  fc.uuid(),
  fc.constant(null),
);

// ---------------------------------------------------------------- sending and checking

interface Fuzzed {
  readonly params?: Readonly<Record<string, string>>;
  readonly payload?: Payload;
  readonly headers?: Readonly<Record<string, string | null>>;
}

/** The entry's valid request as its writer (a fresh session and target), with `fuzzed` on top. */
async function sendFuzzed(entry: RouteEntry, make: (request: RouteRequest) => Fuzzed) {
  const actor = writerOf(entry);
  const request = (await entry.request?.(world, actor)) ?? {};
  const login = await world.login(actor);
  const fuzzed = make(request);
  const body: Payload =
    fuzzed.payload ??
    (request.body === undefined ? { text: undefined, contentType: null } : json(request.body));
  const headers: Record<string, string> = { ...login?.csrf };
  for (const [name, value] of Object.entries({ ...request.headers, ...fuzzed.headers })) {
    if (value !== null) headers[name] = value;
  }
  if (body.contentType !== null) headers['content-type'] = body.contentType;
  const url = urlFor(entry.route, { ...request.params, ...fuzzed.params }, request.query);
  const options: InjectOptions = {
    method: methodOf(entry.route),
    url,
    headers,
    ...(login === null ? {} : { cookies: { ...login.cookies } }),
    ...(body.text === undefined ? {} : { payload: body.text }),
  };
  return app.inject(options);
}

/** Never a 5xx; a 4xx is a problem document with its status and title; a 400 names a field. */
function expectHandled(expect: ExpectStatic, response: LightMyRequestResponse): void {
  const status = response.statusCode;
  const what = `${status}: ${response.body.slice(0, 500)}`;
  expect(status, what).toBeLessThan(500);
  if (status < 400) return;
  expect(response.headers['content-type'], what).toContain(PROBLEM_CONTENT_TYPE);
  const problem = response.json<{ status?: unknown; title?: unknown; errors?: unknown }>();
  expect(problem.status, what).toBe(status);
  expect(typeof problem.title === 'string' && problem.title !== '', what).toBe(true);
  if (status === 400) {
    const errors = problem.errors as { path?: unknown; message?: unknown }[] | undefined;
    expect(Array.isArray(errors) && errors.length > 0, what).toBe(true);
    for (const error of errors ?? []) {
      expect(typeof error.path === 'string' && error.path !== '', what).toBe(true);
      expect(typeof error.message, what).toBe('string');
    }
  }
}

// ---------------------------------------------------------------- the properties

const writeRoutes = routeMatrix.filter((entry) => isWrite(entry.route));

// Concurrently (up to vitest's maxConcurrency): every run has its own session and target, so the
// routes do not share state; only the wall-clock time is shared.
describe.concurrent.each(writeRoutes.map((entry) => [entry.route, entry] as const))(
  '%s',
  (route, entry) => {
    it(`${route} answers arbitrary bodies with a problem, never a 5xx`, async ({ expect }) => {
      // The shape of a valid body, from one request: each run mutates a fresh one like it.
      const template = (await entry.request?.(world, writerOf(entry)))?.body;
      await fc.assert(
        fc.asyncProperty(bodyCases(template), async (bodyCase) => {
          const response = await sendFuzzed(entry, (request) => ({
            payload: payloadFor(request.body, bodyCase),
          }));
          expectHandled(expect, response);
        }),
        runOptions(BODY_RUNS),
      );
    }, 60_000);

    const params = paramNames(route);
    if (params.length > 0) {
      it(`${route} answers fuzzed path params with a problem, never a 5xx`, async ({ expect }) => {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...params), paramValue, async (name, value) => {
            const response = await sendFuzzed(entry, () => ({ params: { [name]: value } }));
            expectHandled(expect, response);
            // A well-formed id (RFC 9562) of nothing is a missing resource, not a bad request.
            if (
              name.endsWith('Id') &&
              /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/iu.test(
                value,
              )
            ) {
              expect(response.statusCode, response.body).toBe(404);
            }
          }),
          runOptions(PARAM_RUNS),
        );
      }, 60_000);
    }

    if (route === 'POST /api/me/logs') {
      it(`${route} answers fuzzed Idempotency-Key headers with a problem, never a 5xx`, async ({
        expect,
      }) => {
        await fc.assert(
          fc.asyncProperty(idempotencyKey, fc.boolean(), async (key, changeBody) => {
            const response = await sendFuzzed(entry, (request) => ({
              headers: { 'idempotency-key': key },
              ...(changeBody && isRecord(request.body)
                ? { payload: json({ ...request.body, setsDone: 1 }) }
                : {}),
            }));
            expectHandled(expect, response);
          }),
          runOptions(HEADER_RUNS),
        );
      }, 60_000);
    }
  },
);

it('has an actor allowed to write every write route of the table', () => {
  expect(writeRoutes.length).toBeGreaterThan(0);
  for (const entry of writeRoutes) expect(() => writerOf(entry), entry.route).not.toThrow();
});
