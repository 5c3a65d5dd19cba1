// Test fixture: the real server as its own OS process (`spinewise serve`, the built CLI), so a
// test can kill it the hard way (SIGKILL) and start it again on the same database.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The built CLI: `npm test` builds every package's dist before the tests run. */
const bin = fileURLToPath(new URL('../../../cli/bin/spinewise.js', import.meta.url));

const STARTED = /Spinewise is running at (http:\/\/\S+)/u;

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves when the process has ended, with the signal that ended it (or null). */
  readonly exited: Promise<NodeJS.Signals | null>;
  /** Everything the process wrote so far, for failure messages. */
  output(): string;
}

const running = new Set<ChildProcessWithoutNullStreams>();

/** A port nothing listens on now (the server's PORT must be 1 or more, so not 0). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => {
          resolve(typeof address === 'object' && address !== null ? address.port : 0);
        });
      });
  });
}

/**
 * Starts `spinewise serve` on the external database at `databaseUrl` (which never seeds the
 * demo) and resolves once it says where it listens.
 */
export async function startServerProcess(
  databaseUrl: string,
  options: { timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      // Errors only: a failure of ours is in the output, the request log is not.
      LOG_LEVEL: 'error',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => {
    child.once('exit', (_code, signal) => {
      running.delete(child);
      resolve(signal);
    });
  });

  const timeoutMs = options.timeoutMs ?? 30_000;
  const url = await new Promise<string>((resolve, reject) => {
    const stopWaiting = () => {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
    };
    const fail = (why: string) => {
      stopWaiting();
      child.kill('SIGKILL');
      reject(new Error(`spinewise serve ${why}:\n${output}`));
    };
    const onData = () => {
      const found = STARTED.exec(output)?.[1];
      if (found === undefined) return;
      stopWaiting();
      resolve(found);
    };
    const onExit = () => {
      fail('exited before it started');
    };
    const timer = setTimeout(() => {
      fail(`did not start within ${timeoutMs} ms`);
    }, timeoutMs);
    child.stdout.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
  return { url, child, exited, output: () => output };
}

/** Kills every server process still running: for `afterAll`, whatever the test's outcome. */
export async function killServerProcesses(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
          }
          child.once('exit', () => {
            resolve();
          });
          if (!child.kill('SIGKILL')) resolve();
        }),
    ),
  );
}
