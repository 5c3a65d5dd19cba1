/** Outcome instruments by their short names, and which one is a region's main disability score. */
import type { InstrumentId, Region } from '@spinewise/clinical';

export const instrumentNames: Readonly<Record<InstrumentId, string>> = {
  odi: 'ODI',
  ndi: 'NDI',
  rmdq: 'RMDQ',
  sbst: 'STarT Back',
  nprs: 'Pain (0–10)',
  psfs: 'PSFS',
  fabq: 'FABQ',
  tsk17: 'TSK-17',
  tsk11: 'TSK-11',
  pseq: 'PSEQ',
};

export const instrumentTitles: Readonly<Record<InstrumentId, string>> = {
  odi: 'Oswestry Disability Index',
  ndi: 'Neck Disability Index',
  rmdq: 'Roland-Morris Disability Questionnaire',
  sbst: 'STarT Back Screening Tool',
  nprs: 'Numeric pain rating scale',
  psfs: 'Patient-Specific Functional Scale',
  fabq: 'Fear-Avoidance Beliefs Questionnaire',
  tsk17: 'Tampa Scale of Kinesiophobia (17 items)',
  tsk11: 'Tampa Scale of Kinesiophobia (11 items)',
  pseq: 'Pain Self-Efficacy Questionnaire',
};

export function instrumentName(id: string): string {
  return (instrumentNames as Readonly<Record<string, string>>)[id] ?? id.toUpperCase();
}

export function instrumentTitle(id: string): string {
  return (instrumentTitles as Readonly<Record<string, string>>)[id] ?? instrumentName(id);
}

/** The disability measures in the order one is chosen as "the main" score for a region. */
export function disabilityInstruments(region: Region | null): readonly string[] {
  return region === 'cervical' ? ['ndi', 'rmdq', 'odi'] : ['odi', 'rmdq', 'ndi'];
}

/** The pain score the console shows as "latest pain". */
export const PAIN_INSTRUMENT: InstrumentId = 'nprs';
