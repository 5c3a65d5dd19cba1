/**
 * A SOAP note of a visit with the passive treatments given. A treatment NICE NG59 says not to
 * offer for low back pain shows the guideline note and asks for the clinician's reason; the
 * server refuses it without one, and its answer is shown beside the reason field. [S-NICE]
 */
import { findNotOffered, type Region } from '@spinewise/clinical';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type ReactNode } from 'react';
import { localToday } from '../format/dates.js';
import { Button } from '../ui/button.js';
import { ErrorSummary, formErrorsFrom, noErrors, type FormErrors } from '../ui/form.js';
import { ErrorState, LoadingState } from '../ui/states.js';
import {
  createNote,
  fetchPassiveTreatments,
  passiveTreatmentsQueryKey,
  soapFields,
  soapLabels,
  type ClinicalNote,
  type NewPassiveTreatment,
  type PassiveTreatmentOption,
} from './notes-api.js';

/** Ideas for the free-text treatment field; any name may be typed. */
const commonTreatments = ['Manual therapy (mobilisation)', 'Soft-tissue massage', 'Heat', 'Ice'];

interface ListedState {
  readonly checked: boolean;
  readonly details: string;
  readonly reason: string;
}

interface OtherRow {
  readonly key: string;
  readonly modality: string;
  readonly details: string;
  readonly reason: string;
}

const emptyListed: ListedState = { checked: false, details: '', reason: '' };

export function TextArea({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 3,
  optional = false,
}: {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error: string | undefined;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly rows?: number;
  readonly optional?: boolean;
}) {
  const described = [
    hint === undefined ? '' : `${id}-hint`,
    error === undefined ? '' : `${id}-error`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${error === undefined ? '' : ' field--error'}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional ? <span className="field-optional"> (optional)</span> : null}
      </label>
      {hint === undefined ? null : (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error === undefined ? null : (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <textarea
        id={id}
        className="input"
        rows={rows}
        maxLength={10_000}
        value={value}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={described === '' ? undefined : described}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}

function GuidelineNote({ note, source }: { readonly note: string; readonly source: string }) {
  return (
    <p className="notice notice--info guideline-note">
      <strong>NICE guideline: </strong>
      {note} [{source}]
    </p>
  );
}

export function NoteForm({
  patientId,
  episodeId,
  region,
  onSaved,
  onCancel,
}: {
  readonly patientId: string;
  readonly episodeId: string;
  readonly region: Region;
  readonly onSaved: (note: ClinicalNote) => void;
  readonly onCancel: () => void;
}) {
  const prefix = `n${useId().replace(/[^a-zA-Z0-9_-]/gu, '')}`;
  const options = useQuery({
    queryKey: passiveTreatmentsQueryKey(region),
    queryFn: ({ signal }) => fetchPassiveTreatments(region, signal),
    staleTime: Infinity,
  });
  const [visitOn, setVisitOn] = useState(localToday());
  const [soap, setSoap] = useState<Record<string, string>>({
    subjective: '',
    objective: '',
    assessment: '',
    plan: '',
  });
  const [listed, setListed] = useState<Record<string, ListedState>>({});
  const [others, setOthers] = useState<readonly OtherRow[]>([]);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const nextKey = useRef(1);
  /** Which row each `passiveTreatments[i]` of the last request was. */
  const [sentKeys, setSentKeys] = useState<readonly string[]>([]);

  const rowId = (key: string, field: string) => `${prefix}-t-${key}-${field}`;
  const idFor = (name: string) => {
    const match = /^passiveTreatments\[(\d+)\]\.(\w+)$/u.exec(name);
    if (match === null) return `${prefix}-${name}`;
    const key = sentKeys[Number(match[1])] ?? 'unknown';
    return rowId(key, match[2] ?? 'modality');
  };
  const rowError = (key: string, field: string) => {
    const index = sentKeys.indexOf(key);
    return index < 0 ? undefined : errors.fields[`passiveTreatments[${String(index)}].${field}`];
  };

  if (options.isPending) return <LoadingState label="Loading the treatment list" />;
  if (options.isError) {
    return <ErrorState title="The treatment list could not be loaded" error={options.error} />;
  }
  const choices = options.data;
  const source = choices.source;
  const regionNotOffered = choices.modalities.some((modality) => modality.notOffered);
  const otherNotOffered = (text: string) =>
    regionNotOffered ? (findNotOffered(text)[0] ?? null) : null;

  const submit = async () => {
    const treatments: NewPassiveTreatment[] = [];
    const keys: string[] = [];
    const labels: Record<string, string> = { visitOn: 'The visit date', ...soapLabels };
    for (const modality of choices.modalities) {
      const state = listed[modality.id];
      if (state?.checked !== true) continue;
      labels[`passiveTreatments[${String(treatments.length)}].clinicianReason`] =
        `Your reason for ${modality.name}`;
      labels[`passiveTreatments[${String(treatments.length)}].details`] =
        `Details of ${modality.name}`;
      keys.push(`nice-${modality.id}`);
      treatments.push({
        modality: modality.name,
        notOfferedId: modality.id,
        ...(state.details.trim() === '' ? {} : { details: state.details.trim() }),
        ...(state.reason.trim() === '' ? {} : { clinicianReason: state.reason.trim() }),
      });
    }
    for (const row of others) {
      if (row.modality.trim() === '') continue;
      const index = String(treatments.length);
      labels[`passiveTreatments[${index}].clinicianReason`] =
        `Your reason for ${row.modality.trim()}`;
      labels[`passiveTreatments[${index}].modality`] = 'The treatment';
      labels[`passiveTreatments[${index}].details`] = `Details of ${row.modality.trim()}`;
      keys.push(row.key);
      treatments.push({
        modality: row.modality.trim(),
        ...(row.details.trim() === '' ? {} : { details: row.details.trim() }),
        ...(row.reason.trim() === '' ? {} : { clinicianReason: row.reason.trim() }),
      });
    }
    setBusy(true);
    try {
      const note = await createNote(patientId, {
        episodeId,
        visitOn,
        subjective: soap.subjective ?? '',
        objective: soap.objective ?? '',
        assessment: soap.assessment ?? '',
        plan: soap.plan ?? '',
        passiveTreatments: treatments,
      });
      setErrors(noErrors);
      onSaved(note);
    } catch (error) {
      setSentKeys(keys);
      setErrors(formErrorsFrom(error, labels));
    } finally {
      setBusy(false);
    }
  };

  const listedRow = (modality: PassiveTreatmentOption) => {
    const state = listed[modality.id] ?? emptyListed;
    const key = `nice-${modality.id}`;
    const set = (change: Partial<ListedState>) => {
      setListed((previous) => ({
        ...previous,
        [modality.id]: { ...(previous[modality.id] ?? emptyListed), ...change },
      }));
    };
    return (
      <li key={modality.id} className="treatment">
        <div className="checkbox">
          <input
            type="checkbox"
            id={rowId(key, 'modality')}
            checked={state.checked}
            onChange={(event) => {
              set({ checked: event.target.checked });
            }}
          />
          <label htmlFor={rowId(key, 'modality')}>
            {modality.name}
            {modality.notOffered ? (
              <span className="tag treatment-flag">NICE: not offered</span>
            ) : null}
          </label>
        </div>
        {state.checked ? (
          <div className="treatment-details">
            {modality.notOffered && modality.guidelineNote !== null ? (
              <GuidelineNote note={modality.guidelineNote} source={source} />
            ) : null}
            {modality.notOffered ? (
              <TextArea
                id={rowId(key, 'clinicianReason')}
                label={`Your reason for using ${modality.name}`}
                error={rowError(key, 'clinicianReason')}
                value={state.reason}
                rows={2}
                onChange={(reason) => {
                  set({ reason });
                }}
              />
            ) : null}
            <TextArea
              id={rowId(key, 'details')}
              label="Details"
              optional
              error={rowError(key, 'details')}
              value={state.details}
              rows={2}
              onChange={(details) => {
                set({ details });
              }}
            />
          </div>
        ) : null}
      </li>
    );
  };

  const otherRow = (row: OtherRow, position: number) => {
    const set = (change: Partial<OtherRow>) => {
      setOthers((previous) =>
        previous.map((candidate) =>
          candidate.key === row.key ? { ...candidate, ...change } : candidate,
        ),
      );
    };
    const flagged = otherNotOffered(row.modality);
    const reasonError = rowError(row.key, 'clinicianReason');
    const modalityError = rowError(row.key, 'modality');
    return (
      <li key={row.key} className="treatment">
        <div className={`field${modalityError === undefined ? '' : ' field--error'}`}>
          <label className="field-label" htmlFor={rowId(row.key, 'modality')}>
            Treatment {position}
          </label>
          {modalityError === undefined ? null : (
            <p className="field-error" id={`${rowId(row.key, 'modality')}-error`}>
              {modalityError}
            </p>
          )}
          <input
            id={rowId(row.key, 'modality')}
            className="input input--medium"
            list={`${prefix}-common`}
            maxLength={200}
            value={row.modality}
            aria-invalid={modalityError === undefined ? undefined : true}
            onChange={(event) => {
              set({ modality: event.target.value });
            }}
          />
        </div>
        {flagged === null ? null : (
          <GuidelineNote
            note={`${flagged.name}: ${choices.modalities.find((m) => m.id === flagged.id)?.guidelineNote ?? ''}`}
            source={source}
          />
        )}
        {flagged !== null || reasonError !== undefined ? (
          <TextArea
            id={rowId(row.key, 'clinicianReason')}
            label={`Your reason for using ${flagged?.name ?? 'it'}`}
            error={reasonError}
            value={row.reason}
            rows={2}
            onChange={(reason) => {
              set({ reason });
            }}
          />
        ) : null}
        <TextArea
          id={rowId(row.key, 'details')}
          label="Details"
          optional
          error={rowError(row.key, 'details')}
          value={row.details}
          rows={2}
          onChange={(details) => {
            set({ details });
          }}
        />
        <Button
          variant="quiet"
          onClick={() => {
            setOthers((previous) => previous.filter((candidate) => candidate.key !== row.key));
          }}
        >
          Remove treatment {position}
        </Button>
      </li>
    );
  };

  return (
    <form
      noValidate
      className="form note-form"
      aria-labelledby={`${prefix}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${prefix}-title`}>New visit note</h3>
      <ErrorSummary title="The note was not saved" errors={errors} idFor={idFor} />
      <div className={`field${errors.fields.visitOn === undefined ? '' : ' field--error'}`}>
        <label className="field-label" htmlFor={`${prefix}-visitOn`}>
          Visit date
        </label>
        {errors.fields.visitOn === undefined ? null : (
          <p className="field-error" id={`${prefix}-visitOn-error`}>
            {errors.fields.visitOn}
          </p>
        )}
        <input
          type="date"
          id={`${prefix}-visitOn`}
          className="input input--short"
          value={visitOn}
          max={localToday()}
          required
          aria-invalid={errors.fields.visitOn === undefined ? undefined : true}
          aria-describedby={
            errors.fields.visitOn === undefined ? undefined : `${prefix}-visitOn-error`
          }
          onChange={(event) => {
            setVisitOn(event.target.value);
          }}
        />
      </div>
      {soapFields.map((field) => (
        <TextArea
          key={field}
          id={`${prefix}-${field}`}
          label={soapLabels[field]}
          optional
          error={errors.fields[field]}
          value={soap[field] ?? ''}
          onChange={(value) => {
            setSoap((previous) => ({ ...previous, [field]: value }));
          }}
        />
      ))}
      <fieldset className="fieldset treatments">
        <legend>Passive treatments given</legend>
        <p className="field-hint">
          {choices.guidance} [{source}]
        </p>
        <datalist id={`${prefix}-common`}>
          {commonTreatments.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        {others.length === 0 ? null : (
          <ul className="treatment-list">{others.map((row, index) => otherRow(row, index + 1))}</ul>
        )}
        <Button
          variant="secondary"
          onClick={() => {
            const key = `other-${String(nextKey.current)}`;
            nextKey.current += 1;
            setOthers((previous) => [...previous, { key, modality: '', details: '', reason: '' }]);
          }}
        >
          {others.length === 0 ? 'Add a treatment' : 'Add another treatment'}
        </Button>
        {choices.modalities.length === 0 ? null : (
          <fieldset className="treatments-listed">
            <legend>
              {regionNotOffered
                ? 'Treatments NICE advises not offering for low back pain'
                : 'Other treatments'}
            </legend>
            <ul className="treatment-list">{choices.modalities.map(listedRow)}</ul>
          </fieldset>
        )}
      </fieldset>
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel="Saving the note…">
          Save note
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
