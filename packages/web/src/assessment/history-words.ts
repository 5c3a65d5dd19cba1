/**
 * The words for the history taken at an assessment: work status and physical demands, and the
 * common aggravating and easing factors a clinician can tap instead of typing.
 */
import type { Region } from '@spinewise/clinical';
import type { WorkDemands, WorkStatus } from './assessment-api.js';

export const workStatusWords: Readonly<Record<WorkStatus, string>> = {
  working: 'Working, usual duties',
  modifiedDuties: 'Working, lighter or changed duties',
  offWork: 'Off work',
  notEmployed: 'Not in paid work',
  retired: 'Retired',
  student: 'Student',
};

export const workDemandsWords: Readonly<Record<WorkDemands, string>> = {
  sedentary: 'Mostly sitting (desk work)',
  light: 'Light (on their feet, little lifting)',
  moderate: 'Moderate (regular lifting or carrying)',
  heavy: 'Heavy (manual work, heavy lifting)',
};

/** Suggestions only: the clinician can type anything else. */
export function aggravatingSuggestions(region: Region): readonly string[] {
  return region === 'cervical'
    ? [
        'Looking up',
        'Turning the head',
        'Looking down',
        'Sitting',
        'Driving',
        'Lying down',
        'Coughing or sneezing',
      ]
    : [
        'Sitting',
        'Bending',
        'Lifting',
        'Walking',
        'Standing',
        'Lying down',
        'Coughing or sneezing',
      ];
}

export function easingSuggestions(region: Region): readonly string[] {
  return region === 'cervical'
    ? ['Rest', 'Support for the neck', 'Moving the neck gently', 'Heat', 'Lying down']
    : ['Lying down', 'Walking', 'Changing position', 'Sitting', 'Standing', 'Heat', 'Rest'];
}
