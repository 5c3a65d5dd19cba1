import { ClinicalInputError, getInstrument, scoreInstrument } from '@spinewise/clinical';
import type { InstrumentDefinition, InstrumentScore } from '@spinewise/clinical';
import { CsvSyntaxError, formatCsv, parseCsv } from '../csv.js';
import type { CsvRecord } from '../csv.js';
import {
  formatCommandHelp,
  parseCommandArgs,
  parseWholeNumberOption,
  requirePositional,
  stringOption,
} from '../command.js';
import type { Command } from '../command.js';
import { readInput } from '../input.js';
import { UsageError } from '../usage-error.js';
import { render, table } from '../text/layout.js';

const usage =
  'spinewise score-csv <instrument> <file.csv|-> [--skip-columns N] [--format csv|text]';

type Answer = number | string | null;

interface RowOutcome {
  record: CsvRecord;
  /** 1-based data row (the header, when there is one, is not counted). */
  row: number;
  score?: InstrumentScore;
  error?: string;
}

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** A cell as an answer: empty → skipped (null), a number → number, anything else → text. */
function toAnswer(cell: string): Answer {
  const text = cell.trim();
  if (text === '') return null;
  return numberPattern.test(text) ? Number(text) : text;
}

/**
 * The answers of one row. Instruments with a variable number of answers (PSFS: 3 to 5
 * activities) take trailing empty cells as "no more activities", not as skipped items.
 */
function rowAnswers(
  definition: InstrumentDefinition,
  fields: readonly string[],
  skip: number,
): Answer[] {
  const answers = fields.slice(skip).map(toAnswer);
  while (answers.length > definition.answerCount.min && answers.at(-1) === null) answers.pop();
  return answers;
}

/**
 * Scores one row. The core's error paths point into a JSON answers list (`answers[7]`); in a
 * CSV file the user looks for a column, so the message names the column instead.
 */
function tryScore(
  id: string,
  answers: Answer[],
  columnName: (answerIndex: number) => string,
): { score: InstrumentScore } | { error: string } {
  try {
    return { score: scoreInstrument(id, answers) };
  } catch (error) {
    if (!(error instanceof ClinicalInputError)) throw error;
    const [first, index] = error.path;
    if (first !== 'answers') return { error: error.message };
    return {
      error: typeof index === 'number' ? `${columnName(index)}: ${error.detail}` : error.detail,
    };
  }
}

/**
 * The first record is a header when scoring it fails and none of its answer cells is a
 * number (`q1,q2,…`). A first row of numbers that fails is a data row with an error, so a bad
 * first patient is reported, never mistaken for a header and dropped.
 */
function isHeader(definition: InstrumentDefinition, record: CsvRecord, skip: number): boolean {
  const answers = rowAnswers(definition, record.fields, skip);
  if (answers.some((answer) => typeof answer === 'number')) return false;
  if (answers.every((answer) => answer === null)) return false;
  return 'error' in tryScore(definition.id, answers, (index) => `column ${skip + index + 1}`);
}

function formatScoreCell(score: number | null): string {
  return score === null ? '' : String(score);
}

export const scoreCsvCommand: Command = {
  name: 'score-csv',
  summary: 'Score a CSV file of questionnaires, one patient per row.',
  usage,
  help: `Each row holds one patient's answers in item order: an empty cell is a skipped item,
numbers are read as numbers, other text is kept as a label (e.g. STarT Back item 9
"very much"). A first line that is not answers (e.g. patient,q1,q2,…) is kept as the
header. Leading columns such as a patient id are passed through with --skip-columns.

Output: CSV on stdout, each input row followed by score,band,<subscales…>,missing,error.
A row that cannot be scored keeps its place with the reason in the error column, and is
reported on stderr with its line; the exit code is then 2. With --format text, an
aligned table instead (score shown rounded).

Options:
  --skip-columns N   leading columns to pass through unscored (default 0)
  --format F         csv (default) or text

Examples:
  spinewise score-csv odi examples/odi-batch.csv --skip-columns 1
  spinewise score-csv odi examples/odi-batch.csv --skip-columns 1 --format text`,
  async run(argv, io) {
    const args = parseCommandArgs(
      scoreCsvCommand,
      argv,
      { 'skip-columns': { type: 'string' } },
      2,
      ['csv', 'text'],
    );
    if (args.help) {
      io.stdout(formatCommandHelp(scoreCsvCommand));
      return 0;
    }
    const instrument = requirePositional(args.positionals, 0, 'instrument', usage);
    const definition = getInstrument(instrument);
    const file = requirePositional(args.positionals, 1, 'CSV file', usage);
    const skipOption = stringOption(args.values, 'skip-columns');
    const skip =
      skipOption === undefined ? 0 : parseWholeNumberOption('--skip-columns', skipOption, usage);
    const input = await readInput(io, file, usage);

    let records: CsvRecord[];
    try {
      records = parseCsv(input.text);
    } catch (error) {
      if (error instanceof CsvSyntaxError)
        throw new UsageError(`${input.source}: ${error.message}`);
      throw error;
    }
    const first = records[0];
    if (first === undefined) throw new UsageError(`${input.source}: no rows to score`);
    const header = isHeader(definition, first, skip) ? first : undefined;
    const dataRecords = header === undefined ? records : records.slice(1);
    if (dataRecords.length === 0)
      throw new UsageError(`${input.source}: no rows to score, only a header`);

    const columnName = (answerIndex: number): string => {
      const column = skip + answerIndex;
      const name = header?.fields[column]?.trim();
      return name === undefined || name === '' ? `column ${column + 1}` : `column ${name}`;
    };
    const outcomes: RowOutcome[] = dataRecords.map((record, index) => {
      const row = index + 1;
      if (record.fields.length <= skip) {
        return {
          record,
          row,
          error: `has ${record.fields.length} column(s), fewer than --skip-columns ${skip} plus the answers`,
        };
      }
      const result = tryScore(
        definition.id,
        rowAnswers(definition, record.fields, skip),
        columnName,
      );
      return 'score' in result
        ? { record, row, score: result.score }
        : { record, row, error: result.error };
    });

    // Subscale columns in order of first appearance, the same for every row.
    const subscales: string[] = [];
    for (const outcome of outcomes) {
      for (const name of Object.keys(outcome.score?.subscales ?? {})) {
        if (!subscales.includes(name)) subscales.push(name);
      }
    }
    const width = Math.max(...records.map((record) => record.fields.length));
    const inputHeader =
      header?.fields ??
      Array.from({ length: width }, (_, column) =>
        column < skip ? `column${column + 1}` : `q${column - skip + 1}`,
      );
    const pad = (fields: readonly string[]): string[] => [
      ...fields,
      ...Array.from({ length: Math.max(0, width - fields.length) }, () => ''),
    ];
    const outputHeader = [...pad(inputHeader), 'score', 'band', ...subscales, 'missing', 'error'];
    const text = args.format === 'text';
    const outputRows = outcomes.map(({ record, score, error }) => [
      ...pad(record.fields),
      score === undefined ? '' : text ? score.display : formatScoreCell(score.score),
      score?.band ?? '',
      ...subscales.map((name) => {
        const value = score?.subscales[name];
        return value === undefined ? '' : String(value);
      }),
      score === undefined ? '' : String(score.missing),
      error ?? '',
    ]);

    io.stdout(
      text
        ? render(
            table(
              outputHeader,
              outputRows.map((row) => row.map((cell) => cell.replace(/\s+/g, ' '))),
              outputHeader.map((name, column) =>
                column >= width && name !== 'band' && name !== 'error' ? 'right' : 'left',
              ),
            ),
          )
        : formatCsv([outputHeader, ...outputRows]),
    );

    const failed = outcomes.filter((outcome) => outcome.error !== undefined);
    for (const outcome of failed) {
      io.stderr(
        `spinewise: ${input.source} line ${outcome.record.line} (row ${outcome.row}): ${outcome.error ?? ''}\n`,
      );
    }
    if (failed.length > 0) {
      io.stderr(`spinewise: ${failed.length} of ${outcomes.length} rows could not be scored\n`);
      return 2;
    }
    return 0;
  },
};
