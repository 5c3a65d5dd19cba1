/**
 * Clinical notes (SOAP) of visits and the passive treatments given (issue 4 §2): the data layer.
 * Every look-up is scoped by clinic, so another clinic's note is "not found", never forbidden.
 * Who may write or amend is the route's check; the rules for treatments NICE says not to offer
 * are in `passive-treatments.ts`. `now` is always given by the caller.
 */
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Region } from '@spinewise/clinical';
import type { Database } from '../database/client.js';
import {
  clinicalNotes,
  episodes,
  passiveTreatments,
  patients,
  users,
  type ClinicalNote,
  type Episode,
  type PassiveTreatment,
} from '../database/schema.js';
import {
  checkPassiveTreatments,
  type PassiveTreatmentInput,
  type PassiveTreatmentProblem,
} from './passive-treatments.js';

/** The four parts of a SOAP note, in order. */
export const soapFields = ['subjective', 'objective', 'assessment', 'plan'] as const;
export type SoapField = (typeof soapFields)[number];
export type SoapText = Readonly<Record<SoapField, string>>;

/** Enough for any patient's notes; a bound so one read never scans an unbounded history. */
export const DEFAULT_NOTE_LIST_LIMIT = 100;

/** A note with its author's name and its treatments, as the API shows it. */
export interface NoteWithTreatments extends ClinicalNote {
  readonly authorName: string;
  readonly region: Region;
  readonly treatments: readonly PassiveTreatment[];
}

export function hasSoapText(text: Partial<SoapText>): boolean {
  return soapFields.some((field) => (text[field] ?? '').trim() !== '');
}

// ---------------------------------------------------------------- reading

const noteColumns = {
  note: clinicalNotes,
  authorName: users.displayName,
  region: episodes.region,
};

async function withTreatments(
  db: Database,
  rows: readonly { note: ClinicalNote; authorName: string; region: Region }[],
): Promise<NoteWithTreatments[]> {
  const ids = rows.map((row) => row.note.id);
  const treatments =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(passiveTreatments)
          .where(inArray(passiveTreatments.noteId, ids))
          .orderBy(passiveTreatments.createdAt, passiveTreatments.id);
  const byNote = new Map<string, PassiveTreatment[]>();
  for (const treatment of treatments) {
    const list = byNote.get(treatment.noteId) ?? [];
    list.push(treatment);
    byNote.set(treatment.noteId, list);
  }
  return rows.map((row) => ({
    ...row.note,
    authorName: row.authorName,
    region: row.region,
    treatments: byNote.get(row.note.id) ?? [],
  }));
}

/** One note, when its patient is of `clinicId`. */
export async function findNote(
  db: Database,
  input: { readonly noteId: string; readonly clinicId: string },
): Promise<NoteWithTreatments | undefined> {
  const rows = await db
    .select(noteColumns)
    .from(clinicalNotes)
    .innerJoin(patients, eq(patients.id, clinicalNotes.patientId))
    .innerJoin(episodes, eq(episodes.id, clinicalNotes.episodeId))
    .innerJoin(users, eq(users.id, clinicalNotes.authorId))
    .where(and(eq(clinicalNotes.id, input.noteId), eq(patients.clinicId, input.clinicId)))
    .limit(1);
  const [note] = await withTreatments(db, rows);
  return note;
}

export interface ListNotesInput {
  /** A patient the caller may see (the route has checked the clinic). */
  readonly patientId: string;
  readonly episodeId?: string;
  readonly limit?: number;
}

/** A patient's notes, the newest visit first (then the newest written). */
export async function listNotes(
  db: Database,
  input: ListNotesInput,
): Promise<NoteWithTreatments[]> {
  const conditions: SQL[] = [eq(clinicalNotes.patientId, input.patientId)];
  if (input.episodeId !== undefined) conditions.push(eq(clinicalNotes.episodeId, input.episodeId));
  const rows = await db
    .select(noteColumns)
    .from(clinicalNotes)
    .innerJoin(episodes, eq(episodes.id, clinicalNotes.episodeId))
    .innerJoin(users, eq(users.id, clinicalNotes.authorId))
    .where(and(...conditions))
    .orderBy(desc(clinicalNotes.visitOn), desc(clinicalNotes.createdAt), desc(clinicalNotes.id))
    .limit(input.limit ?? DEFAULT_NOTE_LIST_LIMIT);
  return withTreatments(db, rows);
}

// ---------------------------------------------------------------- writing

export interface CreateNoteInput extends SoapText {
  /** The patient's clinic (the route has found the patient in it). */
  readonly clinicId: string;
  readonly patientId: string;
  readonly episodeId: string;
  readonly authorId: string;
  /** `YYYY-MM-DD`. */
  readonly visitOn: string;
  /** The server's day, `YYYY-MM-DD` UTC: a visit cannot be after it. */
  readonly today: string;
  readonly passiveTreatments: readonly PassiveTreatmentInput[];
  readonly now: Date;
}

export type CreateNoteResult =
  | { readonly ok: true; readonly note: NoteWithTreatments }
  | {
      readonly ok: false;
      readonly reason: 'episodeNotFound' | 'noText';
    }
  | {
      readonly ok: false;
      readonly reason: 'visitInFuture' | 'visitBeforeEpisode' | 'visitAfterDischarge';
      readonly episode: Episode;
    }
  | {
      readonly ok: false;
      readonly reason: 'passiveTreatments';
      readonly problems: readonly PassiveTreatmentProblem[];
    };

/**
 * Writes a note and its treatments in one transaction. The episode must be the patient's
 * (active or discharged) and the visit on a day within it, not after today.
 */
export async function createNote(db: Database, input: CreateNoteInput): Promise<CreateNoteResult> {
  if (!hasSoapText(input)) return { ok: false, reason: 'noText' };
  const [episode] = await db
    .select()
    .from(episodes)
    .where(and(eq(episodes.id, input.episodeId), eq(episodes.patientId, input.patientId)))
    .limit(1);
  if (episode === undefined) return { ok: false, reason: 'episodeNotFound' };
  if (input.visitOn > input.today) return { ok: false, reason: 'visitInFuture', episode };
  if (input.visitOn < episode.startedOn)
    return { ok: false, reason: 'visitBeforeEpisode', episode };
  if (episode.dischargedOn !== null && input.visitOn > episode.dischargedOn) {
    return { ok: false, reason: 'visitAfterDischarge', episode };
  }
  const checked = checkPassiveTreatments(episode.region, input.passiveTreatments);
  if (!checked.ok) return { ok: false, reason: 'passiveTreatments', problems: checked.problems };

  const noteId = await db.transaction(async (tx) => {
    const [note] = await tx
      .insert(clinicalNotes)
      .values({
        patientId: input.patientId,
        episodeId: episode.id,
        authorId: input.authorId,
        visitOn: input.visitOn,
        subjective: input.subjective,
        objective: input.objective,
        assessment: input.assessment,
        plan: input.plan,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning({ id: clinicalNotes.id });
    if (note === undefined) throw new Error('inserting a clinical note returned no row');
    if (checked.treatments.length > 0) {
      await tx
        .insert(passiveTreatments)
        // A millisecond apart, so they read back in the order given: the table has no position.
        .values(
          checked.treatments.map((treatment, index) => ({
            ...treatment,
            noteId: note.id,
            createdAt: new Date(input.now.getTime() + index),
          })),
        );
    }
    return note.id;
  });

  const note = await findNote(db, { noteId, clinicId: input.clinicId });
  if (note === undefined) throw new Error('a new clinical note could not be read back');
  return { ok: true, note };
}

export interface AmendNoteInput {
  readonly noteId: string;
  readonly clinicId: string;
  /** Only the note's author may amend it. */
  readonly userId: string;
  readonly changes: Partial<SoapText>;
  readonly now: Date;
}

export type AmendNoteResult =
  | {
      readonly ok: true;
      readonly note: NoteWithTreatments;
      /** The SOAP parts whose text changed (never the text itself). */
      readonly changed: readonly SoapField[];
    }
  | { readonly ok: false; readonly reason: 'notFound' | 'notAuthor' | 'noText' };

/** Amends a note's SOAP text, with the row locked so two amendments do not interleave. */
export async function amendNote(db: Database, input: AmendNoteInput): Promise<AmendNoteResult> {
  const outcome = await db.transaction(
    async (
      tx,
    ): Promise<{ ok: true; changed: SoapField[] } | Exclude<AmendNoteResult, { ok: true }>> => {
      const [row] = await tx
        .select({ note: clinicalNotes })
        .from(clinicalNotes)
        .innerJoin(patients, eq(patients.id, clinicalNotes.patientId))
        .where(and(eq(clinicalNotes.id, input.noteId), eq(patients.clinicId, input.clinicId)))
        .for('update', { of: clinicalNotes });
      if (row === undefined) return { ok: false, reason: 'notFound' };
      const { note } = row;
      if (note.authorId !== input.userId) return { ok: false, reason: 'notAuthor' };
      const next: Record<SoapField, string> = {
        subjective: input.changes.subjective ?? note.subjective,
        objective: input.changes.objective ?? note.objective,
        assessment: input.changes.assessment ?? note.assessment,
        plan: input.changes.plan ?? note.plan,
      };
      if (!hasSoapText(next)) return { ok: false, reason: 'noText' };
      const changed = soapFields.filter((field) => next[field] !== note[field]);
      if (changed.length > 0) {
        await tx
          .update(clinicalNotes)
          .set({ ...next, updatedAt: input.now })
          .where(eq(clinicalNotes.id, note.id));
      }
      return { ok: true, changed };
    },
  );
  if (!outcome.ok) return outcome;
  const note = await findNote(db, { noteId: input.noteId, clinicId: input.clinicId });
  if (note === undefined) throw new Error('an amended clinical note could not be read back');
  return { ok: true, note, changed: outcome.changed };
}
