import { classifyAssessment, defaultTbcThresholds } from '@spinewise/clinical';
import type { ClassificationOptions, TbcThresholds } from '@spinewise/clinical';
import { formatCommandHelp, formatJson, numberOptions, parseCommandArgs } from '../command.js';
import type { Command } from '../command.js';
import { parseJsonInput, readInput } from '../input.js';
import { renderClassification } from '../text/classify.js';

const usage =
  'spinewise classify [file|-] [--tbc-symptom-modulation-above N] [--tbc-function-optimisation-at-or-below N] [--format json|text]';

export const classifyCommand: Command = {
  name: 'classify',
  summary: 'Stratify and classify an assessment (STarT Back, TBC, prediction rules).',
  usage,
  help: `Reads an assessment JSON from the file, or from stdin when the file is - or left out,
and runs every rule: STarT Back risk, treatment-based classification, the manipulation
and stabilisation prediction rules, directional preference and the cervical
radiculopathy cluster. A rule that does not fit the region is reported as not
applicable; an item left out of the assessment makes its criteria unknown.

Assessment fields (all optional but region):
  region                 "lumbar" or "cervical"
  age, symptomDurationDays, recurrentEpisode, symptomsBelowKnee
  scores                 odi, ndi (%), nprs, fabqWork, sbst {total, psychosocial}, sbstRisk
  examination            hypomobileLumbarSegment, hipInternalRotationDegrees,
                         straightLegRaiseDegrees, aberrantMovement, proneInstabilityTest,
                         repeatedMovements [{direction, effect}], ulttA, spurling,
                         distractionRelieves, ipsilateralRotationDegrees

Options:
  --tbc-symptom-modulation-above N          ODI % above which TBC is symptom modulation
                                            (default ${defaultTbcThresholds.symptomModulationAbove}, a convention)
  --tbc-function-optimisation-at-or-below N ODI % at or below which TBC is function
                                            optimisation (default ${defaultTbcThresholds.functionOptimisationAtOrBelow}, a convention)
  --format F                                json (default) or text

Examples:
  spinewise classify examples/assessment-lumbar.json --format text
  spinewise classify examples/assessment-cervical.json | jq .cervicalRadiculopathy.result`,
  async run(argv, io) {
    const args = parseCommandArgs(
      classifyCommand,
      argv,
      {
        'tbc-symptom-modulation-above': { type: 'string' },
        'tbc-function-optimisation-at-or-below': { type: 'string' },
      },
      1,
    );
    if (args.help) {
      io.stdout(formatCommandHelp(classifyCommand));
      return 0;
    }
    const tbc: Partial<TbcThresholds> = numberOptions(
      args.values,
      {
        'tbc-symptom-modulation-above': 'symptomModulationAbove',
        'tbc-function-optimisation-at-or-below': 'functionOptimisationAtOrBelow',
      },
      usage,
    );
    const options: ClassificationOptions | undefined =
      Object.keys(tbc).length > 0 ? { tbc } : undefined;
    const input = parseJsonInput(await readInput(io, args.positionals[0], usage));
    const classification = classifyAssessment(input, options);
    io.stdout(
      args.format === 'text' ? renderClassification(classification) : formatJson(classification),
    );
    return 0;
  },
};
