import { ClinicalInputError, describeValue } from '../input-error.js';
import type { InstrumentDefinition, InstrumentId } from './definition.js';
import { fabq } from './fabq.js';
import type { InstrumentModule } from './instrument.js';
import { ndi } from './ndi.js';
import { nprs } from './nprs.js';
import { odi } from './odi.js';
import { psfs } from './psfs.js';
import { pseq } from './pseq.js';
import { rmdq } from './rmdq.js';
import { sbst } from './sbst.js';
import { tsk11, tsk17 } from './tsk.js';

const modules: Readonly<Record<InstrumentId, InstrumentModule>> = {
  odi,
  ndi,
  rmdq,
  sbst,
  nprs,
  psfs,
  fabq,
  tsk17,
  tsk11,
  pseq,
};

export const instrumentIds = Object.keys(modules) as readonly InstrumentId[];

export function isInstrumentId(id: unknown): id is InstrumentId {
  return typeof id === 'string' && Object.hasOwn(modules, id);
}

/** The instrument's module; an unknown id is an input error naming `instrument`. */
export function getInstrumentModule(id: unknown): InstrumentModule {
  if (!isInstrumentId(id)) {
    throw new ClinicalInputError(
      ['instrument'],
      `${describeValue(id)} is not an instrument; choose one of: ${instrumentIds.join(', ')}`,
    );
  }
  return modules[id];
}

export function getInstrument(id: unknown): InstrumentDefinition {
  return getInstrumentModule(id).definition;
}

export function listInstruments(): readonly InstrumentDefinition[] {
  return instrumentIds.map((id) => modules[id].definition);
}
