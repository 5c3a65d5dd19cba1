import { UsageError } from './usage-error.js';
import { locateJsonError } from './json-error.js';
import type { Io } from './io.js';

/** Where an input came from, for messages: the file path, or "stdin". */
export interface InputText {
  text: string;
  source: string;
}

/**
 * Reads the `[file|-]` argument: a file path, or `-` / nothing for stdin. Nothing given while
 * stdin is a terminal means the user forgot the input, so say how to give it rather than wait.
 */
export async function readInput(
  io: Io,
  file: string | undefined,
  usage: string,
): Promise<InputText> {
  if (file === undefined || file === '-') {
    if (file === undefined && io.stdinIsTTY?.() === true) {
      throw new UsageError(
        'no input: give a file, or pipe JSON into stdin (use - for stdin)',
        usage,
      );
    }
    return { text: await io.stdin(), source: 'stdin' };
  }
  try {
    return { text: await io.readFile(file), source: file };
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${describeFileError(error)}`);
  }
}

function describeFileError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** Parses JSON input; a syntax error is reported with its line and column. */
export function parseJsonInput(input: InputText): unknown {
  const where = input.source === 'stdin' ? 'on stdin' : `in ${input.source}`;
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  const text = input.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw new UsageError(`input: empty ${where}, expected JSON`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const { line, column, reason } = locateJsonError(text);
    throw new UsageError(
      `input: not valid JSON (line ${line} column ${column}: ${reason}) ${where}`,
    );
  }
}
