/** Regions and conditions as clinicians name them, for the console's labels and choices. */
import type { Condition, Region } from '@spinewise/clinical';

export const regionLabels: Readonly<Record<Region, string>> = {
  lumbar: 'Low back (lumbar)',
  cervical: 'Neck (cervical)',
};

export const conditionLabels: Readonly<Record<Condition, string>> = {
  nonspecific: 'Non-specific low back pain',
  discRadicular: 'Disc-related leg pain (radicular)',
  stenosis: 'Lumbar spinal stenosis',
  spondylolisthesis: 'Spondylolisthesis',
  postFusion: 'After spinal fusion',
  postDiscectomy: 'After discectomy or decompression',
  neckNonspecific: 'Non-specific neck pain',
  cervicalRadiculopathy: 'Cervical radiculopathy',
  scoliosis: 'Scoliosis',
};

/**
 * The conditions that fit a region, as the clinical core's profile check has them: the neck's
 * two, the surgical ones for either region, everything else for the low back.
 */
const cervical: readonly Condition[] = ['neckNonspecific', 'cervicalRadiculopathy'];
const surgical: readonly Condition[] = ['postFusion', 'postDiscectomy'];

export function conditionsFor(region: Region): readonly Condition[] {
  const all = Object.keys(conditionLabels) as Condition[];
  return all.filter(
    (condition) =>
      surgical.includes(condition) || (region === 'cervical') === cervical.includes(condition),
  );
}

/** A condition's label; an unknown one (newer server) shown as it came. */
export function conditionLabel(condition: string): string {
  return (conditionLabels as Readonly<Record<string, string>>)[condition] ?? condition;
}

export function regionLabel(region: string): string {
  return (regionLabels as Readonly<Record<string, string>>)[region] ?? region;
}
