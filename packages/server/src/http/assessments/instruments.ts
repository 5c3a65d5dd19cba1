/**
 * The outcome instruments (issue 4 §3), under `/api`:
 * - `GET /api/instruments`                          the ten instruments, with the clinic's wording
 * - `PUT /api/instruments/:instrument/questionnaire` import licensed wording (FHIR Questionnaire)
 *
 * Spinewise ships each instrument's structure and scoring with short labels in our own words;
 * the exact wording is the licence holder's, so the app shows item text only when the clinic has
 * imported it under its own licence. [S-LIC] No patient data here: imports are audited as an
 * administrator's change to the clinic.
 */
import {
  describeMcid,
  getInstrument,
  importQuestionnaire,
  listInstruments,
  type InstrumentDefinition,
} from '@spinewise/clinical';
import type { Database } from '../../database/client.js';
import type { InstrumentImport } from '../../database/schema.js';
import {
  listInstrumentImports,
  saveInstrumentImport,
} from '../../assessments/instrument-imports.js';
import type { RoutePlugin } from '../app.js';
import { ProblemError, badRequest, problemResponse } from '../problem.js';
import { recordAudit, requestOrigin } from '../session/audit.js';
import { requireRole } from '../session/plugin.js';
import {
  importedInstrumentSchema,
  instrumentListSchema,
  instrumentParams,
  questionnaireBodySchema,
} from './schemas.js';

export interface InstrumentFeatureOptions {
  readonly db: Database;
  readonly now?: () => Date;
}

/** The clinic's licensed wording, item by item, as imported. [S-LIC] */
function licensedWording(row: InstrumentImport) {
  const { imported } = row;
  return {
    importedAt: row.updatedAt.toISOString(),
    importedBy: row.createdBy,
    matchedBy: imported.matchedBy,
    questionnaire: imported.questionnaire,
    items: imported.instrument.items.map((item) => ({
      id: item.id,
      number: item.number,
      // An import always carries the item text (importQuestionnaire refuses one without).
      text: item.text ?? item.label,
      options: item.options,
    })),
  };
}

/** An instrument's metadata, and the clinic's licensed wording when it imported some. */
function publicInstrument(definition: InstrumentDefinition, row: InstrumentImport | undefined) {
  return {
    id: definition.id,
    title: definition.title,
    shortTitle: definition.shortTitle,
    version: definition.version,
    region: definition.region,
    description: definition.description,
    itemCount: definition.items.length,
    answerCount: definition.answerCount,
    // Our own labels only: the licensed item text is under `licensed`.
    items: definition.items.map((item) => ({
      id: item.id,
      number: item.number,
      label: item.label,
      options: item.options,
      scored: item.scored,
      ...(item.reversed === undefined ? {} : { reversed: item.reversed }),
      ...(item.loinc === undefined ? {} : { loinc: item.loinc }),
    })),
    multipleMarks: definition.multipleMarks,
    scoreRange: definition.scoreRange,
    unit: definition.unit,
    subscaleRanges: definition.subscaleRanges,
    direction: definition.direction,
    bands:
      definition.bandScale === null
        ? null
        : {
            on: definition.bandScale.on,
            bands: definition.bandScale.bands.map((band) => ({
              id: band.id,
              label: band.label,
              range: band.range,
            })),
          },
    interpretation: definition.interpretation,
    mcid: definition.mcid.map((mcid) => ({
      description: describeMcid(mcid, definition.unit),
      context: mcid.context,
      ...(mcid.region === undefined ? {} : { region: mcid.region }),
      combine: mcid.combine,
      default: mcid.default === true,
      sources: mcid.sources,
    })),
    missing: definition.missing,
    loinc: definition.loinc,
    // [S-LIC] the notice shown is the licence holder's once their wording is imported.
    copyright: row?.imported.instrument.copyright ?? definition.copyright,
    licenceNote: definition.licenceNote,
    wording: row === undefined ? definition.wording : ('licensed-import' as const),
    licensed: row === undefined ? null : licensedWording(row),
    sources: definition.sources,
  };
}

export const instrumentRoutes: RoutePlugin<InstrumentFeatureOptions> = (app, options) => {
  const { db } = options;
  const now = options.now ?? (() => new Date());

  app.get(
    '/instruments',
    {
      schema: {
        summary: 'The outcome instruments',
        description:
          'Each instrument’s structure, bands, MCID, codes and copyright notice, with our own short item labels. Where the clinic imported licensed wording, it is under `licensed`; show item text only from there.',
        tags: ['instruments'],
        response: {
          200: instrumentListSchema,
          401: problemResponse('Not signed in'),
          403: problemResponse('Not a clinician or administrator'),
        },
      },
    },
    async (request, reply) => {
      const auth = requireRole(request, 'clinician', 'admin');
      const imports = await listInstrumentImports(db, auth.user.clinicId);
      // The licensed wording is the clinic's: no shared cache may keep it.
      void reply.header('cache-control', 'private, no-store');
      return {
        instruments: listInstruments().map((definition) =>
          publicInstrument(definition, imports.get(definition.id)),
        ),
      };
    },
  );

  app.put(
    '/instruments/:instrument/questionnaire',
    {
      schema: {
        summary: 'Import an instrument’s licensed wording',
        description:
          'A FHIR R4 Questionnaire from the licence holder (or LOINC/LHC-Forms), matched to the instrument by LOINC panel code or item linkIds `<instrument>-<number>`. Its item and answer texts replace our labels for the clinic; the scoring stays the same. Replaces an earlier import. Administrators only; needs the x-csrf-token header.',
        tags: ['instruments'],
        params: instrumentParams,
        body: questionnaireBodySchema,
        response: {
          200: importedInstrumentSchema,
          400: problemResponse('Not a Questionnaire for this instrument; errors name the field'),
          401: problemResponse('Not signed in'),
          403: problemResponse('Not an administrator, or the CSRF header is missing'),
        },
      },
    },
    async (request) => {
      const auth = requireRole(request, 'admin');
      const wanted = getInstrument(request.params.instrument);
      // Errors name the Questionnaire's field under `body`, e.g. `body.item[3].linkId`.
      const imported = importQuestionnaire(request.body);
      if (imported.instrument.id !== wanted.id) {
        throw new ProblemError(
          badRequest([
            {
              path: imported.matchedBy === 'loinc' ? 'body.code' : 'body.item',
              message: `is for the ${imported.instrument.shortTitle}, not the ${wanted.shortTitle}`,
            },
          ]),
        );
      }
      const at = now();
      const row = await saveInstrumentImport(db, {
        clinicId: auth.user.clinicId,
        userId: auth.user.id,
        questionnaire: request.body,
        imported,
        now: at,
      });
      await recordAudit(db, {
        userId: auth.user.id,
        clinicId: auth.user.clinicId,
        action: 'update',
        resource: 'instrumentImport',
        resourceId: row.id,
        ...requestOrigin(request),
        detail: { instrument: wanted.id, items: imported.items.length },
        at,
      });
      return { ...publicInstrument(wanted, row), mapping: imported.items };
    },
  );

  return Promise.resolve();
};
