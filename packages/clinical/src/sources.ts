/**
 * The source ids the clinical core may cite: those of shared/clinical/SOURCES.md and the ones
 * Spinewise adds in docs/clinical-sources.md. A test checks every citation against this list.
 */
export const sourceIds = [
  'S-ODI',
  'S-NDI',
  'S-RMDQ',
  'S-SB',
  'S-MCID',
  'S-NPRS',
  'S-PSFS',
  'S-FABQ',
  'S-TSK',
  'S-PSEQ',
  'S-LIC',
  'S-RF',
  'S-CES',
  'S-MSCC',
  'S-AXSPA',
  'S-TBC',
  'S-CPR-M',
  'S-CPR-S',
  'S-MDT',
  'S-WAIN',
  'S-NICE',
  'S-JOSPT',
  'S-LANCET',
  'S-STEN',
  'S-ACSM',
  'S-MCGILL',
  'S-GRADED',
  'S-PMM',
  'S-ADH',
  'S-FUSION',
  'S-OSTEO',
  // Added by Spinewise (docs/clinical-sources.md).
  'S-LOINC-CHECK',
  'S-FHIR-ORDINAL',
] as const;

export type SourceId = (typeof sourceIds)[number];

export function isSourceId(id: string): id is SourceId {
  return (sourceIds as readonly string[]).includes(id);
}
