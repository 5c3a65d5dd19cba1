// Test fixture: a fresh pending questionnaire request for a world patient, for the route table's
// writes that use one up (cancelling, answering).
import { insertRequest } from '../../questionnaires/requests.js';
import type { World, WorldPatient } from '../world.fixture.js';

/** A pending NPRS request of `patient` (patient A unless given), sent by clinic A's clinician. */
export async function freshQuestionnaireRequest(
  world: World,
  patient: WorldPatient = world.patientA,
): Promise<string> {
  const row = await insertRequest(world.db, {
    patientId: patient.id,
    episodeId: patient.episodeId,
    instruments: ['nprs'],
    message: null,
    dueOn: world.today,
    requestedBy: world.clinicA.clinicianId,
    now: world.now(),
  });
  return row.id;
}

/** Answers `POST /api/me/questionnaires/:requestId` accepts for that request. */
export const NPRS_ANSWERS = { questionnaires: [{ instrument: 'nprs', answers: [3] }] } as const;
