/** @spinewise/server — configuration, the database (embedded or external), migrations. */
export { ConfigError, loadConfig, type Config } from './config/config.js';
export {
  DataDirectoryLockedError,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from './database/embedded.js';
export { migrationsFolder, runMigrations } from './database/migrate.js';
export { openDatabase, type OpenDatabase } from './database/open.js';
