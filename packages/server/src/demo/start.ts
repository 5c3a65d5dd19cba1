/**
 * The demo clinic at start-up: seeded on the first start of the embedded database (the
 * newcomer's `npm start`), never on an external DATABASE_URL unless asked for with
 * `spinewise seed-demo`.
 */
import { hashPassword } from '../auth/passwords.js';
import { connect } from '../database/client.js';
import {
  DEMO_PASSWORDS,
  DEMO_PATIENT_EMAIL,
  demoStaff,
  seedDemoClinic,
  type SeedDemoResult,
} from './index.js';

/** Seeds the demo clinic into the database at `url` (idempotent). */
export async function seedDemo(url: string, today: string): Promise<SeedDemoResult> {
  const client = connect(url, { max: 2 });
  try {
    return await seedDemoClinic(client.db, { today, hashPassword });
  } finally {
    await client.close();
  }
}

/** The demo log-ins, as seeded (they hold until someone changes the passwords). */
export function demoLogins(): { role: string; email: string; password: string }[] {
  return [
    ...demoStaff.map((member) => ({
      role: member.role,
      email: member.email,
      password: DEMO_PASSWORDS[member.role],
    })),
    { role: 'patient', email: DEMO_PATIENT_EMAIL, password: DEMO_PASSWORDS.patient },
  ];
}
