// Test fixture: the app at an address, in jsdom, over a fake API. Each test says which API
// calls answer what; any other call fails the test loudly, so a page cannot quietly depend on
// a request the test did not expect.
import { QueryClientProvider } from '@tanstack/react-query';
import { configure, render, type RenderResult } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { createQueryClient } from './query-client.js';
import { createRoutes } from './routes.js';

// Every page is a lazy chunk, imported (and transformed) on its first visit in a test file: on a
// busy two-core machine that alone can take longer than the default one second of `find…`.
configure({ asyncUtilTimeout: 5000 });

export interface FakeRequest {
  readonly method: string;
  /** The path and query, e.g. `/api/caseload?all=true`. */
  readonly path: string;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
  /** The `:name` parts of the route pattern that matched. */
  readonly params: Readonly<Record<string, string>>;
}

export interface FakeResponse {
  readonly status: number;
  readonly body?: unknown;
}

export type FakeRoute = FakeResponse | ((request: FakeRequest) => FakeResponse);

/** `'GET /api/patients/:patientId'` → what it answers. */
export type FakeRoutes = Record<string, FakeRoute>;

function match(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/');
  const pathParts = path.split('/');
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

export const SIGNED_IN_CLINICIAN = {
  id: '00000000-0000-4000-8000-000000000001',
  clinicId: '00000000-0000-4000-8000-0000000000c1',
  role: 'clinician',
  displayName: 'Sam Okafor',
} as const;

/** The problem+json body the API sends. */
export function problem(
  status: number,
  detail: string,
  errors?: { path: string; message: string }[],
) {
  return {
    status,
    body: {
      type: 'about:blank',
      title: 'Problem',
      status,
      detail,
      ...(errors === undefined ? {} : { errors }),
    },
  };
}

/** Replaces `fetch` with the fake API; returns every request it saw. */
export function fakeApi(fakeRoutes: FakeRoutes): FakeRequest[] {
  const seen: FakeRequest[] = [];
  const fetchMock = vi.fn((input: RequestInfo | URL, init: RequestInit = {}) => {
    const address =
      input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    const url = new URL(address, 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const pathWithQuery = `${url.pathname}${url.search}`;
    for (const [key, route] of Object.entries(fakeRoutes)) {
      const [routeMethod = '', pattern = ''] = key.split(' ');
      if (routeMethod !== method) continue;
      const params = pattern.includes('?')
        ? pattern === pathWithQuery
          ? {}
          : null
        : match(pattern, url.pathname);
      if (params === null) continue;
      const request: FakeRequest = { method, path: pathWithQuery, body, headers, params };
      seen.push(request);
      const response = typeof route === 'function' ? route(request) : route;
      const text = response.body === undefined ? '' : JSON.stringify(response.body);
      return Promise.resolve(
        new Response(response.status === 204 ? null : text, {
          status: response.status,
          headers: {
            'content-type':
              response.status >= 400 ? 'application/problem+json' : 'application/json',
          },
        }),
      );
    }
    throw new Error(`The fake API has no route for ${method} ${pathWithQuery}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return seen;
}

/** Renders the whole app (its real routes) at `path`. */
export function renderApp(
  path: string,
): RenderResult & { router: ReturnType<typeof createMemoryRouter> } {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  const router = createMemoryRouter(createRoutes(client), { initialEntries: [path] });
  const result = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, router };
}
