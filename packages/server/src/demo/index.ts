/** The demo clinic seeded on first start (issue 4 §1). */
export {
  buildDemoClinic,
  DEFAULT_DEMO_SEED,
  DEMO_CLINIC_NAME,
  demoStaff,
  type DemoAlert,
  type DemoAssessment,
  type DemoClinic,
  type DemoClinicOptions,
  type DemoPatient,
  type DemoSessionLog,
  type DemoStaffMember,
} from './demo-clinic.js';
export { createRandom, type Random } from './random.js';
export {
  DEMO_PASSWORDS,
  DEMO_PATIENT_EMAIL,
  seedDemoClinic,
  type DemoLogin,
  type SeedDemoOptions,
  type SeedDemoResult,
} from './seed.js';
