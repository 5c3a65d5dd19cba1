import { defaultScreenOptions, findingDefinitions, screenRedFlags } from '@spinewise/clinical';
import type { ScreenOptions } from '@spinewise/clinical';
import { formatCommandHelp, formatJson, numberOptions, parseCommandArgs } from '../command.js';
import type { Command } from '../command.js';
import { parseJsonInput, readInput } from '../input.js';
import { wrap } from '../text/layout.js';
import { renderScreen } from '../text/screen.js';

const usage =
  'spinewise screen [file|-] [--fracture-age-over N] [--malignancy-age-over N] [--format json|text]';

function findingList(): string {
  return findingDefinitions
    .map((finding) => {
      const kind = finding.type === 'number' ? `number ${finding.min}–${finding.max}` : 'yes/no';
      return [`  ${finding.id} (${kind})`, ...wrap(finding.question, '      ')].join('\n');
    })
    .join('\n');
}

export const screenCommand: Command = {
  name: 'screen',
  summary: 'Red-flag screen for serious spinal pathology (cauda equina, cancer…).',
  usage,
  help: `Reads {"region": "lumbar" | "cervical", "findings": {...}} from the file, or from stdin
when the file is - or left out. Each finding is true, false or "unknown"; age and
inflammatoryBackPainFeatures are numbers. A finding left out counts as not asked.

Output: the overall action (emergency, urgent, routine or none), each concern with the
findings that drove it, the questions still unanswered, and for a lumbar screen the
cauda equina safety-net advice for the patient. Decision support only, not a diagnosis.

Options:
  --fracture-age-over N     age above which age counts towards vertebral fracture
                            (default ${defaultScreenOptions.fractureAgeOver}, a convention, not evidence)
  --malignancy-age-over N   age above which age counts towards malignancy (default ${defaultScreenOptions.malignancyAgeOver})
  --format F                json (default) or text

Findings:
${findingList()}

Examples:
  spinewise screen examples/screen-lumbar.json --format text
  cat examples/screen-cauda-equina.json | spinewise screen - | jq .action`,
  async run(argv, io) {
    const args = parseCommandArgs(
      screenCommand,
      argv,
      {
        'fracture-age-over': { type: 'string' },
        'malignancy-age-over': { type: 'string' },
      },
      1,
    );
    if (args.help) {
      io.stdout(formatCommandHelp(screenCommand));
      return 0;
    }
    const options: Partial<ScreenOptions> = numberOptions(
      args.values,
      { 'fracture-age-over': 'fractureAgeOver', 'malignancy-age-over': 'malignancyAgeOver' },
      usage,
    );
    const input = parseJsonInput(await readInput(io, args.positionals[0], usage));
    const screen = screenRedFlags(input, options);
    io.stdout(args.format === 'text' ? renderScreen(screen) : formatJson(screen));
    return 0;
  },
};
