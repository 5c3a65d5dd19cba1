import { readFile } from 'node:fs/promises';

/**
 * Everything the command touches outside itself. `main` takes it as a parameter so tests run
 * the whole command in-process with fake streams and files.
 */
export interface Io {
  stdin: () => Promise<string>;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => Promise<string>;
  /** True when stdin is an interactive terminal (nothing piped in). Absent = piped. */
  stdinIsTTY?: () => boolean;
  /** Environment variables (configuration of the server commands). Absent = none. */
  env?: () => Readonly<Record<string, string | undefined>>;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function processIo(): Io {
  // `spinewise … | head` closes the pipe early: stop writing instead of crashing on EPIPE.
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
  return {
    stdin: readStdin,
    stdout: (s) => {
      if (!stdoutClosed) process.stdout.write(s);
    },
    stderr: (s) => process.stderr.write(s),
    readFile: (path) => readFile(path, 'utf8'),
    stdinIsTTY: () => process.stdin.isTTY,
    env: () => process.env,
  };
}

/** An `Io` over strings, for tests and for running commands inside another program. */
export interface MemoryIo extends Io {
  /** Everything written to stdout so far. */
  readonly out: () => string;
  /** Everything written to stderr so far. */
  readonly err: () => string;
}

export function memoryIo(
  options: {
    files?: Readonly<Record<string, string>>;
    stdin?: string;
    stdinIsTTY?: boolean;
  } = {},
): MemoryIo {
  let out = '';
  let err = '';
  const files = options.files ?? {};
  return {
    stdin: () => Promise.resolve(options.stdin ?? ''),
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
    readFile: (path) => {
      const text = files[path];
      if (text !== undefined) return Promise.resolve(text);
      return Promise.reject(
        Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
          code: 'ENOENT',
        }),
      );
    },
    stdinIsTTY: () => options.stdinIsTTY ?? false,
    out: () => out,
    err: () => err,
  };
}
