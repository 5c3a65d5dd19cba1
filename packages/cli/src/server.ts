/**
 * The server package for the database commands (migrate, serve, seed-demo), loaded only when
 * one of them runs: the embedded PostgreSQL package hooks process exit, which the other commands
 * must not inherit. Its configuration errors become usage errors (stderr, exit 2).
 */
import type * as ServerPackage from '@spinewise/server';
import type { Config } from '@spinewise/server';
import type { Io } from './io.js';
import { UsageError } from './usage-error.js';

export async function loadServer(
  io: Io,
  usage: string,
): Promise<{ server: typeof ServerPackage; config: Config }> {
  const server = await import('@spinewise/server');
  try {
    return { server, config: server.loadConfig(io.env?.() ?? {}) };
  } catch (error) {
    if (error instanceof server.ConfigError) throw new UsageError(error.message, usage);
    throw error;
  }
}
