/**
 * Licensed instrument wording a clinic has imported (FHIR R4 Questionnaires), one per
 * instrument. The built-in instruments carry our own short labels; a clinic holding a licence
 * imports the exact wording, which the app then shows. Scoring stays the clinical core's. [S-LIC]
 */
import { eq } from 'drizzle-orm';
import type { ImportedQuestionnaire, InstrumentId } from '@spinewise/clinical';
import type { Database } from '../database/client.js';
import { instrumentImports, type InstrumentImport } from '../database/schema.js';

/** Every instrument the clinic imported wording for, by instrument. */
export async function listInstrumentImports(
  db: Database,
  clinicId: string,
): Promise<ReadonlyMap<InstrumentId, InstrumentImport>> {
  const rows = await db
    .select()
    .from(instrumentImports)
    .where(eq(instrumentImports.clinicId, clinicId));
  return new Map(rows.map((row) => [row.instrument, row]));
}

export interface SaveInstrumentImportInput {
  readonly clinicId: string;
  readonly userId: string;
  /** The Questionnaire resource as the admin sent it. */
  readonly questionnaire: Readonly<Record<string, unknown>>;
  /** What `importQuestionnaire` made of it. */
  readonly imported: ImportedQuestionnaire;
  readonly now: Date;
}

/** Stores the clinic's questionnaire for the instrument, replacing an earlier one. */
export async function saveInstrumentImport(
  db: Database,
  input: SaveInstrumentImportInput,
): Promise<InstrumentImport> {
  const instrument = input.imported.instrument.id;
  const [row] = await db
    .insert(instrumentImports)
    .values({
      clinicId: input.clinicId,
      instrument,
      questionnaire: input.questionnaire,
      imported: input.imported,
      createdBy: input.userId,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .onConflictDoUpdate({
      target: [instrumentImports.clinicId, instrumentImports.instrument],
      set: {
        questionnaire: input.questionnaire,
        imported: input.imported,
        createdBy: input.userId,
        updatedAt: input.now,
      },
    })
    .returning();
  if (row === undefined) throw new Error('saving an instrument import returned no row');
  return row;
}
