/**
 * The OpenAPI 3.1 document, generated from the routes' zod schemas, and the Swagger UI that
 * shows it: `/api/docs` (the UI, every asset served from our own origin by
 * @fastify/swagger-ui) and `/api/docs/json` (the document).
 */
import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export const DOCS_PREFIX = '/api/docs';

// The same relative path from src/http/ and dist/http/: the package's own manifest.
const manifest = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

const description = `The Spinewise API: patients, episodes of care, assessments scored by the clinical engine, exercise programmes, session logs, progression and alerts.

Every error is an RFC 9457 problem (\`application/problem+json\`) whose \`errors[].path\` names the failing field, e.g. \`body.answers[3].rating\`. Problem types are listed in \`packages/server/src/http/problem.ts\`.`;

/**
 * Registers on `app` itself, not inside a plugin of ours: @fastify/swagger collects routes with
 * an `onRoute` hook, which an encapsulating plugin would hide from the rest of the app.
 */
export function registerOpenApi(app: FastifyInstance): void {
  void app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Spinewise API', version: manifest.version, description },
    },
    // The UI's own routes are hidden; zod schemas become JSON Schema 2020-12 (OpenAPI 3.1).
    transform: createJsonSchemaTransform({ skipList: [] }),
    // Schemas with a `.meta({ id })` (such as Problem) become `components.schemas` and `$ref`s.
    transformObject: jsonSchemaTransformObject,
  });
  void app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    // Swagger UI's pages work under the app's CSP (scripts from 'self' only); no online validator.
    uiConfig: { deepLinking: true },
  });
}
