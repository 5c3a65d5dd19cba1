// `npm run example`: the `spinewise` command on the example files, without a server or database.
// Prints the command's help, then a worked example of an assessment on the example files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProgramme } from '../packages/clinical/dist/index.js';
import { main } from '../packages/cli/dist/main.js';

const steps = [
  ['Score an Oswestry Disability Index', ['score', 'odi', 'examples/odi.json', '--format', 'text']],
  [
    'Has the ODI improved enough to matter? (baseline 36 %, now 20 %)',
    ['change', 'odi', '--baseline', '36', '--follow-up', '20', '--format', 'text'],
  ],
  [
    'Screen for red flags (one weak flag)',
    ['screen', 'examples/screen-lumbar.json', '--format', 'text'],
  ],
  ['Classify the assessment', ['classify', 'examples/assessment-lumbar.json', '--format', 'text']],
  [
    'Generate her six-week home programme',
    ['plan', 'examples/profile-lumbar.json', '--format', 'text'],
  ],
];

let code = await main(['help']);
for (const [title, args] of steps) {
  if (code !== 0) break;
  process.stdout.write(`\n\n### ${title}\n$ npx spinewise ${args.join(' ')}\n\n`);
  code = await main(args);
}

// Progression needs the programme as a file: write it where npm start can, and decide.
if (code === 0) {
  const profile = JSON.parse(readFileSync('examples/profile-lumbar.json', 'utf8'));
  const file = join(mkdtempSync(join(tmpdir(), 'spinewise-')), 'programme.json');
  writeFileSync(file, JSON.stringify(generateProgramme(profile)));
  const args = [
    'progress',
    file,
    'examples/logs.json',
    '--today',
    '2026-11-30',
    '--format',
    'text',
  ];
  process.stdout.write(
    `\n\n### After a week of logs: progress, hold or regress?\n$ npx spinewise ${args.join(' ')}\n\n`,
  );
  code = await main(args);
}
process.exitCode = code;
