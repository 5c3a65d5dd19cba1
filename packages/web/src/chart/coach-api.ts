/**
 * What the camera coach left for the clinician (issue 7): the coach result stored with a
 * session log (`GET /api/patients/:patientId/logs`, field `coach`) and the range-of-motion
 * measurements (`GET /api/patients/:patientId/rom`). Camera angles are estimates, not clinical
 * goniometry; the server says so in `limits`.
 */
import { api } from '../api/client.js';
import type { ChartLog } from './chart-api.js';

export interface CoachFormWarning {
  readonly id: string;
  readonly cue: string;
  readonly count: number;
}

export interface CoachResult {
  readonly reps?: number;
  readonly holdSeconds?: number;
  readonly rangeDegrees?: { readonly min: number; readonly max: number };
  readonly formWarnings?: readonly CoachFormWarning[];
  readonly exerciseRule: string;
  readonly view: 'side' | 'front';
}

/** A chart log, with the coach result the server adds when the session was coached. */
export type MaybeCoachedLog = ChartLog & { readonly coach?: CoachResult | null };

export type CoachedLog = ChartLog & { readonly coach: CoachResult };

export type RomMovement =
  | 'trunkFlexion'
  | 'trunkExtension'
  | 'trunkSideBendLeft'
  | 'trunkSideBendRight'
  | 'neckRotationLeft'
  | 'neckRotationRight';

export interface RomMeasurement {
  readonly id: string;
  readonly movement: RomMovement;
  readonly degrees: number;
  readonly measuredAt: string;
}

export interface RomList {
  /** Oldest first. */
  readonly measurements: readonly RomMeasurement[];
  /** What the numbers can and cannot tell, in plain words. */
  readonly limits: string;
  readonly truncated: boolean;
}

/** The movements in the order the chart shows them, with their names. */
export const movementLabels: Readonly<Record<RomMovement, string>> = {
  trunkFlexion: 'Trunk flexion (bending forward)',
  trunkExtension: 'Trunk extension (bending back)',
  trunkSideBendLeft: 'Side-bending to the left',
  trunkSideBendRight: 'Side-bending to the right',
  neckRotationLeft: 'Neck rotation to the left',
  neckRotationRight: 'Neck rotation to the right',
};

export const romQueryKey = (patientId: string) => ['chart', patientId, 'rom'] as const;

export function fetchRom(patientId: string, signal?: AbortSignal): Promise<RomList> {
  return api.get<RomList>(`/api/patients/${encodeURIComponent(patientId)}/rom`, signal);
}

/** The logs with a coach result, in the order given (the chart's logs: newest first). */
export function coachedLogs(logs: readonly MaybeCoachedLog[]): CoachedLog[] {
  return logs.filter((log): log is CoachedLog => log.coach !== undefined && log.coach !== null);
}
