import { findingDefinitions } from '@spinewise/clinical';
import type { Action, RedFlagScreen } from '@spinewise/clinical';
import { heading, keyValues, list, render, wrap } from './layout.js';

const actionHeadline: Readonly<Record<Action, string>> = {
  emergency: 'EMERGENCY: same-day emergency assessment',
  urgent: 'URGENT: medical review within 24 hours to a few days',
  routine: 'ROUTINE: referral or review; rehabilitation may go on',
  none: 'NO RED-FLAG ACTION: no serious-pathology concern from the findings given',
};

const questions = new Map<string, string>(
  findingDefinitions.map((finding) => [finding.id, finding.question]),
);

export function renderScreen(screen: RedFlagScreen): string {
  const lines: string[] = [
    ...heading(actionHeadline[screen.action]),
    ...keyValues([
      ['Region', screen.region],
      [
        'Clinician decision',
        screen.requiresClinicianDecision ? 'REQUIRED before any programme' : 'not required',
      ],
      [
        'Contraindications',
        screen.contraindications.length > 0 ? list(screen.contraindications) : undefined,
      ],
    ]),
    '',
  ];

  lines.push(...heading(`Concerns (${screen.concerns.length})`, '-'));
  if (screen.concerns.length === 0) lines.push('None from the findings given.');
  screen.concerns.forEach((concern, index) => {
    if (index > 0) lines.push('');
    lines.push(
      `${index + 1}. ${concern.title}: ${concern.action.toUpperCase()} (${concern.level} concern)`,
    );
    lines.push(
      ...keyValues(
        [
          ['Findings', list(concern.findings)],
          ['Rule', concern.criteria],
          ['Do', concern.recommendation],
          ['Sources', list(concern.sources)],
        ],
        '   ',
      ),
    );
  });
  lines.push('');

  lines.push(...heading(`Not answered (${screen.unanswered.length})`, '-'));
  if (screen.unanswered.length === 0) lines.push('Every relevant finding was answered.');
  for (const id of screen.unanswered) {
    lines.push(...wrap(`${id}: ${questions.get(id) ?? ''}`.trimEnd(), '    ', undefined, '  - '));
  }

  if (screen.safetyNet !== null) {
    const advice = screen.safetyNet;
    lines.push('', ...heading(`Safety-net advice for the patient: ${advice.title}`, '-'));
    lines.push(...wrap(advice.intro));
    for (const symptom of advice.symptoms) lines.push(...wrap(symptom, '    ', undefined, '  - '));
    lines.push(...wrap(advice.action), `Sources: ${list(advice.sources)}`);
  }

  lines.push('', ...wrap(screen.disclaimer), `Sources: ${list(screen.sources)}`);
  return render(lines);
}
