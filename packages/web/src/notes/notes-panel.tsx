/** A patient's visit notes, newest first: write one, and amend your own. */
import type { Region } from '@spinewise/clinical';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { formatDay, formatMoment } from '../format/dates.js';
import { useCurrentUser } from '../session/session.js';
import { Button } from '../ui/button.js';
import { ErrorSummary, formErrorsFrom, noErrors, type FormErrors } from '../ui/form.js';
import { ErrorState, LoadingState } from '../ui/states.js';
import { NoteForm, TextArea } from './note-form.js';
import {
  amendNote,
  fetchNotes,
  notesQueryKey,
  soapFields,
  soapLabels,
  type ClinicalNote,
  type SoapField,
} from './notes-api.js';

function AmendForm({
  note,
  onDone,
}: {
  readonly note: ClinicalNote;
  readonly onDone: (note: ClinicalNote | null) => void;
}) {
  const prefix = `a${useId().replace(/[^a-zA-Z0-9_-]/gu, '')}`;
  const [soap, setSoap] = useState<Record<SoapField, string>>({
    subjective: note.subjective,
    objective: note.objective,
    assessment: note.assessment,
    plan: note.plan,
  });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const changes: Partial<Record<SoapField, string>> = {};
    for (const field of soapFields) if (soap[field] !== note[field]) changes[field] = soap[field];
    if (Object.keys(changes).length === 0) {
      onDone(null);
      return;
    }
    setBusy(true);
    try {
      onDone(await amendNote(note.id, changes));
    } catch (error) {
      setErrors(formErrorsFrom(error, soapLabels));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      noValidate
      className="form"
      aria-label={`Amend the note of ${formatDay(note.visitOn)}`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <ErrorSummary
        title="The note was not changed"
        errors={errors}
        idFor={(name) => `${prefix}-${name}`}
      />
      {soapFields.map((field) => (
        <TextArea
          key={field}
          id={`${prefix}-${field}`}
          label={soapLabels[field]}
          optional
          error={errors.fields[field]}
          value={soap[field]}
          onChange={(value) => {
            setSoap((previous) => ({ ...previous, [field]: value }));
          }}
        />
      ))}
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel="Saving…">
          Save changes
        </Button>
        <Button
          variant="quiet"
          onClick={() => {
            onDone(null);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}

function NoteView({ note, mine }: { readonly note: ClinicalNote; readonly mine: boolean }) {
  const queryClient = useQueryClient();
  const [amending, setAmending] = useState(false);
  return (
    <li className="note">
      <h3 className="note-title">
        Visit on {formatDay(note.visitOn)}{' '}
        <span className="history-meta">
          by {note.authorName}
          {note.updatedAt === note.createdAt ? '' : ` · amended ${formatMoment(note.updatedAt)}`}
        </span>
      </h3>
      {amending ? (
        <AmendForm
          note={note}
          onDone={(changed) => {
            setAmending(false);
            if (changed !== null) {
              queryClient.setQueryData<readonly ClinicalNote[]>(
                notesQueryKey(note.patientId),
                (notes) =>
                  notes?.map((candidate) => (candidate.id === changed.id ? changed : candidate)),
              );
            }
          }}
        />
      ) : (
        <>
          <dl className="details soap">
            {soapFields
              .filter((field) => note[field] !== '')
              .map((field) => (
                <div key={field}>
                  <dt>{soapLabels[field]}</dt>
                  <dd>{note[field]}</dd>
                </div>
              ))}
          </dl>
          {note.passiveTreatments.length === 0 ? null : (
            <>
              <h4>Passive treatments</h4>
              <ul className="history-list">
                {note.passiveTreatments.map((treatment) => (
                  <li key={treatment.id}>
                    <strong>{treatment.modality}</strong>
                    {treatment.details === null ? '' : `: ${treatment.details}`}
                    {treatment.notOfferedId === null ? null : (
                      <span className="history-meta">
                        NICE advises not offering this; reason given:{' '}
                        {treatment.clinicianReason ?? '—'}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {mine ? (
            <Button
              variant="quiet"
              onClick={() => {
                setAmending(true);
              }}
            >
              Amend this note
            </Button>
          ) : null}
        </>
      )}
    </li>
  );
}

export function NotesPanel({
  patientId,
  episodeId,
  region,
  onSaved,
}: {
  readonly patientId: string;
  /** The episode a new note belongs to; null when there is none to write in. */
  readonly episodeId: string | null;
  readonly region: Region | null;
  readonly onSaved?: () => void;
}) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [writing, setWriting] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const notes = useQuery({
    queryKey: notesQueryKey(patientId),
    queryFn: ({ signal }) => fetchNotes(patientId, signal),
  });
  const canWrite = me.role === 'clinician' && episodeId !== null && region !== null;
  return (
    <>
      <p role="status" className={saved === null ? 'visually-hidden' : 'notice notice--success'}>
        {saved ?? ''}
      </p>
      {writing && episodeId !== null && region !== null ? (
        <NoteForm
          patientId={patientId}
          episodeId={episodeId}
          region={region}
          onCancel={() => {
            setWriting(false);
          }}
          onSaved={(note) => {
            setWriting(false);
            setSaved(`Note of ${formatDay(note.visitOn)} saved.`);
            queryClient.setQueryData<readonly ClinicalNote[]>(notesQueryKey(patientId), (list) =>
              [note, ...(list ?? [])].sort((a, b) =>
                a.visitOn < b.visitOn ? 1 : a.visitOn > b.visitOn ? -1 : 0,
              ),
            );
            onSaved?.();
          }}
        />
      ) : canWrite ? (
        <Button
          onClick={() => {
            setSaved(null);
            setWriting(true);
          }}
        >
          Write a visit note
        </Button>
      ) : null}
      {notes.isPending ? (
        <LoadingState label="Loading notes" />
      ) : notes.isError ? (
        <ErrorState title="The notes could not be loaded" error={notes.error} />
      ) : notes.data.length === 0 ? (
        <p className="panel-empty">No visit notes yet.</p>
      ) : (
        <ul className="note-list">
          {notes.data.map((note) => (
            <NoteView key={note.id} note={note} mine={note.authorId === me.id} />
          ))}
        </ul>
      )}
    </>
  );
}
