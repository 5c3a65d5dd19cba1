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
export { startServer, type RunningServer, type StartOptions } from './serve.js';
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
