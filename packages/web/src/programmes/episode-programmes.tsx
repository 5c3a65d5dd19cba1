/**
 * The patient page's entry to journey 4: each episode's programmes, and for an active episode
 * a programme generated from its latest assessment. When the red-flag screen holds the
 * programme until a clinician decides, the server's explanation is shown as it is, with the
 * way to the assessment.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../api/client.js';
import { fetchEpisodeAssessments } from '../assessment/assessment-api.js';
import { formatDay } from '../format/dates.js';
import { conditionLabel, regionLabel } from '../patients/conditions.js';
import type { Episode, PatientWithEpisodes } from '../patients/patients-api.js';
import { Button } from '../ui/button.js';
import {
  Form,
  TextField,
  formErrorsFrom,
  formText,
  noErrors,
  type FormErrors,
} from '../ui/form.js';
import { ErrorState, LoadingState } from '../ui/states.js';
import {
  episodeProgrammesQueryKey,
  fetchEpisodeProgrammes,
  generateProgramme,
  programmeQueryKey,
  statusLabels,
} from './programmes-api.js';

const DEFAULT_MINUTES = 20;

/**
 * What the generator may ask for when the assessment does not record it: the server names the
 * field (`body.symptomDurationDays`) and the form then shows it.
 */
const extraFields = {
  symptomDurationDays: { label: 'Symptom duration (days)', type: 'number' },
  age: { label: 'Age (years)', type: 'number' },
  surgeryDate: { label: 'Date of the surgery', type: 'date' },
} as const;
type ExtraField = keyof typeof extraFields;
const isExtraField = (name: string): name is ExtraField => name in extraFields;

const fieldLabels: Readonly<Record<string, string>> = {
  minutesPerDay: 'Minutes a day',
  ...Object.fromEntries(Object.entries(extraFields).map(([name, field]) => [name, field.label])),
};

/** The episode's latest assessment (the one the programme is built from), if it can be read. */
async function latestAssessmentId(episodeId: string): Promise<string | null> {
  try {
    const assessments = await fetchEpisodeAssessments(episodeId);
    const latest = [...assessments].sort((a, b) => b.assessedAt.localeCompare(a.assessedAt))[0];
    return latest?.id ?? null;
  } catch {
    return null;
  }
}

function GenerateForm({
  episode,
  patientId,
}: {
  readonly episode: Episode;
  readonly patientId: string;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [held, setHeld] = useState<{ detail: string; assessment: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState<readonly ExtraField[]>([]);
  const generate = async (data: FormData) => {
    const minutes = Number(formText(data, 'minutesPerDay'));
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 180) {
      setErrors({
        fields: { minutesPerDay: 'Minutes a day must be a whole number from 5 to 180.' },
      });
      return;
    }
    setBusy(true);
    setHeld(null);
    try {
      const extras: Record<string, number | string> = {};
      for (const name of asked) {
        const value = formText(data, name);
        if (value === '') continue;
        extras[name] = extraFields[name].type === 'number' ? Number(value) : value;
      }
      const created = await generateProgramme(episode.id, { ...extras, minutesPerDay: minutes });
      queryClient.setQueryData(programmeQueryKey(created.id), created);
      void queryClient.invalidateQueries({ queryKey: episodeProgrammesQueryKey(episode.id) });
      await navigate(`/programmes/${created.id}`);
    } catch (error) {
      if (isApiError(error, 409)) {
        setErrors(noErrors);
        setHeld({ detail: error.message, assessment: await latestAssessmentId(episode.id) });
      } else {
        if (isApiError(error, 400)) {
          const named = Object.keys(error.fieldErrors()).filter(isExtraField);
          setAsked((before) => [...new Set([...before, ...named])]);
        }
        setErrors(formErrorsFrom(error, fieldLabels));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {held === null ? null : (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>A programme cannot be generated yet.</strong> {held.detail}
          </p>
          {held.assessment === null ? null : (
            <p>
              <Link to={`/patients/${patientId}/assessments/${held.assessment}`}>
                Open the latest assessment
              </Link>
            </p>
          )}
        </div>
      )}
      <Form
        errors={errors}
        onSubmit={(data) => void generate(data)}
        summaryTitle="Please check the programme details"
      >
        <TextField
          name="minutesPerDay"
          label="Minutes a day the patient has for exercise"
          hint="From 5 to 180. The programme is built from the latest assessment."
          type="number"
          inputMode="numeric"
          min={5}
          max={180}
          width="short"
          defaultValue={String(DEFAULT_MINUTES)}
        />
        {asked.map((name) => (
          <TextField
            key={name}
            name={name}
            label={extraFields[name].label}
            hint="The assessment does not record this; the programme needs it."
            type={extraFields[name].type}
            width="short"
          />
        ))}
        <Button type="submit" busy={busy} busyLabel="Generating the programme…">
          Generate a programme
        </Button>
      </Form>
    </>
  );
}

function EpisodeProgrammes({
  episode,
  patientId,
}: {
  readonly episode: Episode;
  readonly patientId: string;
}) {
  const programmes = useQuery({
    queryKey: episodeProgrammesQueryKey(episode.id),
    queryFn: ({ signal }) => fetchEpisodeProgrammes(episode.id, signal),
  });
  return (
    <div className="episode-programmes">
      <h3>
        {conditionLabel(episode.condition)}, {regionLabel(episode.region).toLowerCase()}
        <span className="history-meta"> from {formatDay(episode.startedOn)}</span>
      </h3>
      {programmes.isPending ? (
        <LoadingState label="Loading programmes" />
      ) : programmes.isError ? (
        <ErrorState title="The programmes could not be loaded" error={programmes.error} />
      ) : programmes.data.length === 0 ? (
        <p className="panel-empty">No programme yet.</p>
      ) : (
        <ul className="history-list">
          {programmes.data.map((programme) => (
            <li key={programme.id}>
              <Link to={`/programmes/${programme.id}`}>
                Programme
                {programme.startDate === null ? '' : ` from ${formatDay(programme.startDate)}`}
              </Link>
              <span className="history-meta">
                {statusLabels[programme.status]} · version {programme.currentVersion}
              </span>
            </li>
          ))}
        </ul>
      )}
      {episode.status === 'active' ? (
        <GenerateForm episode={episode} patientId={patientId} />
      ) : null}
    </div>
  );
}

export function ProgrammesSection({ patient }: { readonly patient: PatientWithEpisodes }) {
  return (
    <section className="panel" aria-labelledby="programmes-heading">
      <h2 id="programmes-heading">Programmes</h2>
      {patient.episodes.length === 0 ? (
        <p className="panel-empty">Start an episode of care and record an assessment first.</p>
      ) : (
        patient.episodes.map((episode) => (
          <EpisodeProgrammes key={episode.id} episode={episode} patientId={patient.id} />
        ))
      )}
    </section>
  );
}
