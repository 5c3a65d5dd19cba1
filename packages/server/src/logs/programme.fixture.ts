// Test fixture: a clinic with a clinician and a patient following an active programme that the
// clinical core generated from a realistic low back profile, inserted as demo/seed.ts does.
import { generateProgramme, type Profile, type Programme } from '@spinewise/clinical';
import type { Database } from '../database/client.js';
import {
  clinics,
  episodes,
  patients,
  programmes,
  programmeVersions,
  users,
} from '../database/schema.js';

export const PROGRAMME_START = '2026-11-02';
/** In the programme's second week. */
export const TODAY = '2026-11-10';

export const lowBackProfile: Profile = {
  region: 'lumbar',
  condition: 'nonspecific',
  symptomDurationDays: 20,
  age: 44,
  sbstRisk: 'medium',
  scores: { odi: 30, nprs: 5 },
  directionalPreference: 'none',
  osteoporosis: false,
  redFlags: { findings: { bladderDysfunction: false, saddleNumbness: false, age: 44 } },
  goals: [{ activity: 'Gardening for an hour', rating: 4 }],
  minutesPerDay: 15,
  startDate: PROGRAMME_START,
};

export interface PatientWithProgramme {
  readonly clinicId: string;
  readonly clinicianId: string;
  readonly patientId: string;
  readonly programmeId: string;
  readonly programme: Programme;
  /** An exercise of the programme's first week. */
  readonly exerciseId: string;
}

export async function insertPatientWithProgramme(
  db: Database,
  options: { clinicName?: string; withProgramme?: boolean } = {},
): Promise<PatientWithProgramme> {
  const programme = generateProgramme(lowBackProfile);
  if (programme.status !== 'active') throw new Error('the fixture programme is blocked');
  const exerciseId = programme.weeks[0]?.sessions[0]?.exercises[0]?.id;
  if (exerciseId === undefined) throw new Error('the fixture programme has no exercise');

  const [clinic] = await db
    .insert(clinics)
    .values({ name: options.clinicName ?? 'Riverside Physiotherapy' })
    .returning();
  if (clinic === undefined) throw new Error('no clinic inserted');
  const [clinician] = await db
    .insert(users)
    .values({
      clinicId: clinic.id,
      role: 'clinician',
      email: `clinician-${clinic.id}@example.org`,
      displayName: 'Sam Okafor',
    })
    .returning();
  if (clinician === undefined) throw new Error('no clinician inserted');
  const [patient] = await db
    .insert(patients)
    .values({ clinicId: clinic.id, clinicianId: clinician.id, displayName: 'Alex Morgan' })
    .returning();
  if (patient === undefined) throw new Error('no patient inserted');
  const [episode] = await db
    .insert(episodes)
    .values({
      patientId: patient.id,
      region: 'lumbar',
      condition: 'nonspecific low back pain',
      startedOn: PROGRAMME_START,
    })
    .returning();
  if (episode === undefined) throw new Error('no episode inserted');

  const active = options.withProgramme ?? true;
  const [programmeRow] = await db
    .insert(programmes)
    .values({ episodeId: episode.id, currentVersion: 1, status: active ? 'active' : 'generated' })
    .returning();
  if (programmeRow === undefined) throw new Error('no programme inserted');
  await db.insert(programmeVersions).values({
    programmeId: programmeRow.id,
    version: 1,
    status: active ? 'active' : 'generated',
    content: programme,
    ...(active ? { approvedBy: clinician.id, approvedAt: new Date('2026-11-02T10:00:00Z') } : {}),
  });
  return {
    clinicId: clinic.id,
    clinicianId: clinician.id,
    patientId: patient.id,
    programmeId: programmeRow.id,
    programme,
    exerciseId,
  };
}
