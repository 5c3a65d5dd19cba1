/**
 * Configuration from environment variables, validated at start. Every problem is reported at
 * once, naming the variable; defaults are documented here and printed at start, never silent.
 */
import { z } from 'zod';

const postgresUrl = z
  .string()
  .refine(
    (value) => /^postgres(?:ql)?:\/\//.test(value),
    'must start with postgres:// or postgresql://',
  )
  .refine((value) => URL.canParse(value), 'is not a valid URL');

const schema = z.object({
  /** An external PostgreSQL (production). When unset, an embedded PostgreSQL runs under the data directory. */
  DATABASE_URL: postgresUrl.optional(),
  /** Where the embedded database and the server's lock live. Default `./data`. */
  SPINEWISE_DATA_DIR: z.string().min(1).default('./data'),
  /** Preferred port of the embedded PostgreSQL; another free port is chosen if it is taken. */
  SPINEWISE_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /**
   * HTTP port. Unset: 3000, or the next free port up to 3019 when 3000 is taken (a newcomer's
   * machine often runs something there). Set: exactly that port, or a clear error.
   */
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Interface. Default 127.0.0.1 (loopback only: put an HTTPS proxy in front for a network). */
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * `true` behind a reverse proxy that sets X-Forwarded-For/-Proto: the client's address (rate
   * limits, audit log) and HTTPS (Secure cookies) are then read from those headers. Never set it
   * without such a proxy: a client could forge its address.
   */
  SPINEWISE_TRUST_PROXY: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  /** The web app's build (`packages/web/dist` by default), served at `/` beside the API. */
  SPINEWISE_WEB_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Who push services may contact about our reminders (Web Push VAPID `sub`): a `mailto:`
   * address or an `https:` URL of the clinic. Unset: `DEFAULT_VAPID_SUBJECT`, a placeholder
   * that Apple's push service (Safari, iPhone) refuses — set it where patients use iPhones.
   */
  SPINEWISE_VAPID_SUBJECT: z
    .string()
    .refine(
      (value) =>
        /^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/u.test(value) ||
        (value.startsWith('https://') && URL.canParse(value)),
      'must be a mailto: address or an https: URL',
    )
    .optional(),
});

/** The VAPID subject when `SPINEWISE_VAPID_SUBJECT` is unset (see above). */
export const DEFAULT_VAPID_SUBJECT = 'mailto:reminders@spinewise.invalid';

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(
      `invalid configuration:\n${problems.map((problem) => `  ${problem.variable}: ${problem.message}`).join('\n')}`,
    );
  }
}

/** Reads the configuration from an environment (by default `process.env`). */
export function loadConfig(
  environment: Readonly<Record<string, string | undefined>> = process.env,
): Config {
  // Empty variables count as unset (a blank line in an env file is not a value).
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: issue.path.join('.'),
        message: issue.message,
      })),
    );
  }
  return result.data;
}
