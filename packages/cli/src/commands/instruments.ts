import { describeMcid, getInstrument, listInstruments } from '@spinewise/clinical';
import type { InstrumentDefinition } from '@spinewise/clinical';
import { formatCommandHelp, formatJson, parseCommandArgs } from '../command.js';
import type { Command } from '../command.js';
import { renderInstrument, renderInstrumentList } from '../text/instruments.js';

const usage = 'spinewise instruments [instrument] [--format json|text]';

export interface InstrumentSummary {
  id: string;
  title: string;
  shortTitle: string;
  version: string;
  region: string;
  items: number;
  answers: { min: number; max: number };
  /** `null` where the instrument has no total (FABQ): see `subscaleRanges`. */
  scoreRange: { min: number; max: number } | null;
  subscaleRanges: Record<string, { min: number; max: number }>;
  unit: 'percent' | 'points';
  subscales: string[];
  direction: string;
  /** What the bands apply to: `score`, or a subscale such as the NDI's `raw`. */
  bandsOn: string | null;
  bands: string[];
  mcid: string[];
  copyright: string;
  licenceNote: string;
  wording: string;
  sources: string[];
}

export function summariseInstrument(definition: InstrumentDefinition): InstrumentSummary {
  return {
    id: definition.id,
    title: definition.title,
    shortTitle: definition.shortTitle,
    version: definition.version,
    region: definition.region,
    items: definition.items.length,
    answers: { ...definition.answerCount },
    scoreRange: definition.scoreRange === null ? null : { ...definition.scoreRange },
    subscaleRanges: Object.fromEntries(
      Object.entries(definition.subscaleRanges).map(([name, range]) => [name, { ...range }]),
    ),
    unit: definition.unit,
    subscales: Object.keys(definition.subscaleRanges),
    direction: definition.direction,
    bandsOn: definition.bandScale?.on ?? null,
    bands: (definition.bandScale?.bands ?? []).map((band) => `${band.range}: ${band.label}`),
    mcid: definition.mcid.map((mcid) => describeMcid(mcid, definition.unit)),
    copyright: definition.copyright,
    licenceNote: definition.licenceNote,
    wording: definition.wording,
    sources: [...definition.sources],
  };
}

export const instrumentsCommand: Command = {
  name: 'instruments',
  summary: 'List the outcome instruments, or show one with its items.',
  usage,
  help: `Without an argument, lists every instrument: id, title, version, region, number of
items, score range, direction, bands, MCID, licence note and whether the item wording is
our own paraphrase or a licensed import. With an instrument id, shows that instrument's
full definition including its items and answer options.

Examples:
  spinewise instruments --format text
  spinewise instruments sbst --format text
  spinewise instruments | jq '.[].id'`,
  run(argv, io) {
    const args = parseCommandArgs(instrumentsCommand, argv, {}, 1);
    if (args.help) {
      io.stdout(formatCommandHelp(instrumentsCommand));
      return Promise.resolve(0);
    }
    const id = args.positionals[0];
    if (id === undefined) {
      const summaries = listInstruments().map(summariseInstrument);
      io.stdout(args.format === 'text' ? renderInstrumentList(summaries) : formatJson(summaries));
    } else {
      const definition = getInstrument(id);
      io.stdout(
        args.format === 'text'
          ? renderInstrument(definition, summariseInstrument(definition))
          : formatJson(definition),
      );
    }
    return Promise.resolve(0);
  },
};
