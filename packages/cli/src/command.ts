import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';
import type { Io } from './io.js';

/** One `spinewise <name>` command. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The synopsis, e.g. `spinewise score <instrument> [file|-] [--format json|text]`. */
  usage: string;
  /** The full `--help` text (without the usage line, which is printed first). */
  help: string;
  /** Returns the exit code; throws `UsageError` / `ClinicalInputError` for bad input. */
  run: (argv: string[], io: Io) => Promise<number>;
}

export type OutputFormat = 'json' | 'text' | 'csv';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
const commonOptions = {
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpecs;

export interface ParsedCommandArgs {
  values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  positionals: string[];
  format: OutputFormat;
  help: boolean;
}

/**
 * `parseArgs` with the common options, its errors turned into usage errors that show the
 * command's synopsis, and at most `maxPositionals` positional arguments.
 */
export function parseCommandArgs(
  command: Pick<Command, 'usage'>,
  argv: string[],
  options: OptionSpecs,
  maxPositionals: number,
  formats: readonly OutputFormat[] = ['json', 'text'],
): ParsedCommandArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, ...commonOptions },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(describeParseArgsError(error), command.usage);
  }
  const values = parsed.values;
  const help = values.help === true;
  const format = help
    ? (formats[0] ?? 'json')
    : parseFormat(stringOption(values, 'format'), formats, command.usage);
  if (!help && parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals[maxPositionals] ?? '';
    throw new UsageError(`unexpected argument ${JSON.stringify(extra)}`, command.usage);
  }
  return { values, positionals: parsed.positionals, format, help };
}

/** The first of `formats` is the default. */
function parseFormat(
  value: string | undefined,
  formats: readonly OutputFormat[],
  usage: string,
): OutputFormat {
  if (value === undefined) return formats[0] ?? 'json';
  const format = formats.find((candidate) => candidate === value);
  if (format !== undefined) return format;
  throw new UsageError(
    `--format: must be ${formats.join(' or ')}, not ${JSON.stringify(value)}`,
    usage,
  );
}

function describeParseArgsError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) {
    return `unknown option ${option}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    if (error.message.includes('ambiguous')) {
      return `${option}: value starts with "-"; write ${option}=VALUE`;
    }
    if (error.message.includes('missing')) return `${option}: needs a value`;
    return `${option}: ${error.message}`;
  }
  return error.message.split('\n')[0] ?? error.message;
}

/** The value of a string option (`type: 'string'`), or undefined when not given. */
export function stringOption(
  values: ParsedCommandArgs['values'],
  name: string,
): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Pretty JSON with a final newline, the default output of every command. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The `--help` output of a command. */
export function formatCommandHelp(command: Command): string {
  return `Usage: ${command.usage}\n\n${command.summary}\n\n${command.help.trimEnd()}\n`;
}

/** Requires the positional argument at `index`, naming it in the error. */
export function requirePositional(
  positionals: readonly string[],
  index: number,
  name: string,
  usage: string,
): string {
  const value = positionals[index];
  if (value === undefined || value === '') throw new UsageError(`missing ${name}`, usage);
  return value;
}

/** A whole number ≥ 0 given as an option value, e.g. `--skip-columns 1`. */
export function parseWholeNumberOption(option: string, value: string, usage: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw new UsageError(
      `${option}: must be a whole number (0 or more), not ${JSON.stringify(value)}`,
      usage,
    );
  }
  return Number(value.trim());
}

/** A number given as an option value, e.g. `--baseline 36.5`. */
export function parseNumberOption(
  option: string,
  value: string | undefined,
  usage: string,
): number {
  if (value === undefined) throw new UsageError(`missing ${option} N`, usage);
  const number = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(number)) {
    throw new UsageError(`${option}: must be a number, not ${JSON.stringify(value)}`, usage);
  }
  return number;
}

/**
 * Reads optional numeric flags into an options object: `{ 'fracture-age-over':
 * 'fractureAgeOver' }` turns `--fracture-age-over 70` into `{ fractureAgeOver: 70 }`. Flags
 * left out stay out, so the clinical core applies (and reports) its own defaults.
 */
export function numberOptions<Key extends string>(
  values: ParsedCommandArgs['values'],
  flags: Readonly<Record<string, Key>>,
  usage: string,
): Partial<Record<Key, number>> {
  const options: Partial<Record<Key, number>> = {};
  for (const [flag, key] of Object.entries(flags)) {
    const value = stringOption(values, flag);
    if (value !== undefined) options[key] = parseNumberOption(`--${flag}`, value, usage);
  }
  return options;
}
