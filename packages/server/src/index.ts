/** @spinewise/server — configuration, the database (embedded or external), migrations, HTTP. */
export { ConfigError, loadConfig, type Config } from './config/config.js';
export {
  DataDirectoryLockedError,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from './database/embedded.js';
export { migrationsFolder, runMigrations } from './database/migrate.js';
export { openDatabase, type OpenDatabase } from './database/open.js';
export { connect, type Database, type DatabaseClient } from './database/client.js';
export { buildApp, type App } from './http/app.js';
export {
  DEFAULT_PORT,
  PortInUseError,
  startServer,
  type RunningServer,
  type StartOptions,
} from './serve.js';
export { hashPassword, verifyPassword } from './auth/passwords.js';
export {
  DEMO_CLINIC_NAME,
  DEMO_PASSWORDS,
  seedDemoClinic,
  type SeedDemoResult,
} from './demo/index.js';
export { demoLogins, seedDemo } from './demo/start.js';
export * from './logs/index.js';
export { registerSessionFeature } from './http/session/routes.js';
export { registerPatientFeature } from './http/patients/routes.js';
export { registerLogFeature } from './http/logs/routes.js';
export { registerApi, type ApiOptions } from './http/api.js';
export * from './assessments/index.js';
export { registerAssessmentFeature } from './http/assessments/routes.js';
export * from './notes/index.js';
export { registerNoteFeature } from './http/notes/routes.js';
export * from './users/index.js';
export { registerUserFeature } from './http/users/routes.js';
export * from './programmes/index.js';
export { registerProgrammeFeature } from './http/programmes/routes.js';
export * from './caseload/index.js';
export { registerCaseloadFeature } from './http/caseload/routes.js';
export * from './check-ins/index.js';
export { registerCheckInFeature } from './http/check-ins/routes.js';
export * from './reminders/index.js';
export { registerReminderFeature } from './http/reminders/routes.js';
export { registerCalendarFeature } from './http/calendar/routes.js';
export * from './rom/index.js';
export { registerRomFeature } from './http/rom/routes.js';
