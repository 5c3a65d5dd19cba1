/**
 * The serious conditions the red-flag screen looks for, as data (REFERENCE §2).
 * Rules live in `red-flags.ts`; this file only names the conditions so findings, docs and the
 * UI can refer to them.
 */

import type { Region } from '../region.js';

export type ConditionId =
  | 'caudaEquinaSyndrome'
  | 'metastaticSpinalCordCompression'
  | 'spinalMetastasis'
  | 'malignancy'
  | 'spinalInfection'
  | 'vertebralFracture'
  | 'progressiveMotorDeficit'
  | 'axialSpondyloarthritis'
  | 'cervicalMyelopathy'
  | 'cervicalArterialDysfunction';

export interface ConditionDefinition {
  readonly id: ConditionId;
  readonly title: string;
  /**
   * Regions in which the screen asks about this condition's findings (they appear in
   * `unanswered` when not given). The rule itself runs in every region: a finding that is
   * present always surfaces, whatever the region.
   */
  readonly regions: readonly Region[];
  readonly sources: readonly string[];
}

/** Keyed by id so every condition is guaranteed a definition by the type checker. */
export const conditions: Readonly<Record<ConditionId, ConditionDefinition>> = {
  caudaEquinaSyndrome: {
    id: 'caudaEquinaSyndrome',
    title: 'Cauda equina syndrome',
    regions: ['lumbar'],
    sources: ['S-CES'],
  },
  metastaticSpinalCordCompression: {
    id: 'metastaticSpinalCordCompression',
    title: 'Metastatic spinal cord compression',
    regions: ['lumbar', 'cervical'],
    sources: ['S-MSCC'],
  },
  spinalMetastasis: {
    id: 'spinalMetastasis',
    title: 'Spinal metastasis',
    regions: ['lumbar', 'cervical'],
    sources: ['S-MSCC', 'S-RF'],
  },
  malignancy: {
    id: 'malignancy',
    title: 'Malignancy (no known cancer)',
    regions: ['lumbar', 'cervical'],
    sources: ['S-RF'],
  },
  spinalInfection: {
    id: 'spinalInfection',
    title: 'Spinal infection',
    regions: ['lumbar', 'cervical'],
    sources: ['S-RF'],
  },
  vertebralFracture: {
    id: 'vertebralFracture',
    title: 'Vertebral fracture',
    regions: ['lumbar', 'cervical'],
    sources: ['S-RF'],
  },
  progressiveMotorDeficit: {
    id: 'progressiveMotorDeficit',
    title: 'Progressive motor deficit',
    regions: ['lumbar', 'cervical'],
    sources: ['S-RF'],
  },
  axialSpondyloarthritis: {
    id: 'axialSpondyloarthritis',
    title: 'Axial spondyloarthritis',
    regions: ['lumbar'],
    sources: ['S-AXSPA'],
  },
  cervicalMyelopathy: {
    id: 'cervicalMyelopathy',
    title: 'Cervical myelopathy',
    regions: ['cervical'],
    sources: ['S-RF'],
  },
  cervicalArterialDysfunction: {
    id: 'cervicalArterialDysfunction',
    title: 'Cervical arterial dysfunction',
    regions: ['cervical'],
    sources: ['S-RF'],
  },
};

/** In the order of the REFERENCE table; ties in severity are listed in this order. */
export const conditionDefinitions: readonly ConditionDefinition[] = Object.values(conditions);
