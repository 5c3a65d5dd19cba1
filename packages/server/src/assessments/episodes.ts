/**
 * Changing an episode of care: its condition, or its discharge. A discharged episode is closed:
 * it takes no more assessments or edits, and its active programme is completed with it.
 */
import { and, eq } from 'drizzle-orm';
import type { Condition } from '@spinewise/clinical';
import type { Database } from '../database/client.js';
import { episodes, programmes, type Episode } from '../database/schema.js';
import { findEpisodeInClinic } from './records.js';

export interface UpdateEpisodeInput {
  readonly episodeId: string;
  readonly clinicId: string;
  readonly condition?: Condition;
  readonly discharge?: {
    /** `YYYY-MM-DD`; the route has checked it is not after today. */
    readonly dischargedOn: string;
    readonly dischargeSummary: string;
  };
  readonly now: Date;
}

export type UpdateEpisodeResult =
  | {
      readonly ok: true;
      readonly episode: Episode;
      /** The programmes the discharge completed (the one that was active, if any). */
      readonly completedProgrammeIds: readonly string[];
    }
  | { readonly ok: false; readonly reason: 'notFound' | 'discharged' }
  | { readonly ok: false; readonly reason: 'dischargeBeforeStart'; readonly startedOn: string };

/**
 * Applies the change to an active episode of `clinicId`, with the row locked so an assessment
 * being recorded and a discharge cannot interleave.
 */
export function updateEpisode(
  db: Database,
  input: UpdateEpisodeInput,
): Promise<UpdateEpisodeResult> {
  return db.transaction(async (tx): Promise<UpdateEpisodeResult> => {
    const found = await findEpisodeInClinic(tx, input.clinicId, input.episodeId);
    if (found === undefined) return { ok: false, reason: 'notFound' };
    const [locked] = await tx
      .select()
      .from(episodes)
      .where(eq(episodes.id, found.id))
      .for('update');
    if (locked === undefined) return { ok: false, reason: 'notFound' };
    if (locked.status === 'discharged') return { ok: false, reason: 'discharged' };
    const { discharge } = input;
    if (discharge !== undefined && discharge.dischargedOn < locked.startedOn) {
      return { ok: false, reason: 'dischargeBeforeStart', startedOn: locked.startedOn };
    }

    const [episode] = await tx
      .update(episodes)
      .set({
        ...(input.condition === undefined ? {} : { condition: input.condition }),
        ...(discharge === undefined
          ? {}
          : {
              status: 'discharged' as const,
              dischargedOn: discharge.dischargedOn,
              dischargeSummary: discharge.dischargeSummary,
            }),
        updatedAt: input.now,
      })
      .where(eq(episodes.id, locked.id))
      .returning();
    if (episode === undefined) throw new Error('updating an episode returned no row');

    const completed =
      discharge === undefined
        ? []
        : await tx
            .update(programmes)
            .set({ status: 'completed', updatedAt: input.now })
            .where(and(eq(programmes.episodeId, episode.id), eq(programmes.status, 'active')))
            .returning({ id: programmes.id });
    return { ok: true, episode, completedProgrammeIds: completed.map((row) => row.id) };
  });
}
