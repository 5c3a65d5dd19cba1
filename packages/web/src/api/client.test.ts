// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NETWORK_ERROR_STATUS, apiRequest, readCsrfToken } from './client.js';

function respond(status: number, body: string, contentType = 'application/json') {
  const fetchMock = vi.fn<typeof fetch>(() =>
    Promise.resolve(
      new Response(body === '' ? null : body, { status, headers: { 'content-type': contentType } }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'spinewise_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

describe('readCsrfToken', () => {
  it('finds the CSRF cookie among others and decodes it', () => {
    expect(readCsrfToken('a=1; spinewise_csrf=abc%3D%3D; b=2')).toBe('abc==');
    expect(readCsrfToken('a=1')).toBeUndefined();
  });
});

describe('apiRequest', () => {
  it('echoes the CSRF cookie in x-csrf-token on writes, never on reads, with same-origin cookies', async () => {
    document.cookie = 'spinewise_csrf=token-123; path=/';
    const fetchMock = respond(200, '{"ok":true}');
    await apiRequest('/api/alerts/1/acknowledge', { method: 'POST' });
    await apiRequest('/api/caseload');
    const [write, read] = fetchMock.mock.calls;
    const writeHeaders = new Headers(write?.[1]?.headers);
    expect(writeHeaders.get('x-csrf-token')).toBe('token-123');
    expect(write?.[1]?.credentials).toBe('same-origin');
    expect(new Headers(read?.[1]?.headers).has('x-csrf-token')).toBe(false);
  });

  it('sends a body as JSON and returns the JSON answer', async () => {
    const fetchMock = respond(201, '{"id":"p1"}');
    const created = await apiRequest<{ id: string }>('/api/patients', {
      method: 'POST',
      body: { displayName: 'Ann' },
    });
    expect(created).toEqual({ id: 'p1' });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.body).toBe('{"displayName":"Ann"}');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });

  it('returns undefined for an empty answer (204)', async () => {
    respond(204, '');
    await expect(apiRequest('/api/session', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('turns problem+json into an ApiError with its field errors by field name', async () => {
    respond(
      400,
      JSON.stringify({
        type: 'https://spinewise.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        detail: 'The request has invalid fields; see errors.',
        errors: [
          { path: 'body.dateOfBirth', message: 'is in the future' },
          { path: 'body.answers[3]', message: 'is out of range' },
          { path: 'body.dateOfBirth', message: 'a second message for the same field' },
          { path: 'query.limit', message: 'is too big' },
        ],
      }),
      'application/problem+json',
    );
    const error = await apiRequest('/api/patients', { method: 'POST', body: {} }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.fieldErrors()).toEqual({
      dateOfBirth: 'is in the future',
      'answers[3]': 'is out of range',
    });
    expect(apiError.fieldErrors('query')).toEqual({ limit: 'is too big' });
  });

  it('keeps a 429 problem’s retryAfter', async () => {
    respond(
      429,
      JSON.stringify({
        type: 'x',
        title: 'Too many',
        status: 429,
        detail: 'Locked.',
        retryAfter: 900,
      }),
      'application/problem+json',
    );
    const error = (await apiRequest('/api/session', { method: 'POST', body: {} }).catch(
      (caught: unknown) => caught,
    )) as ApiError;
    expect(error.problem.retryAfter).toBe(900);
  });

  it('gives a failure without a problem body (a proxy’s error page) a kind message', async () => {
    respond(502, '<html>Bad gateway</html>', 'text/html');
    const error = (await apiRequest('/api/caseload').catch(
      (caught: unknown) => caught,
    )) as ApiError;
    expect(error.status).toBe(502);
    expect(error.message).toBe('Something went wrong on our side. Please try again in a moment.');
  });

  it('reports a lost connection as status 0 with advice', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = (await apiRequest('/api/caseload').catch(
      (caught: unknown) => caught,
    )) as ApiError;
    expect(error.status).toBe(NETWORK_ERROR_STATUS);
    expect(error.message).toMatch(/could not reach Spinewise/u);
  });
});
