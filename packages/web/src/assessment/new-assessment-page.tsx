/**
 * Journey 3: the guided assessment of one episode. History, the red-flag screen (screened by
 * the server as the answers change, an emergency or urgent result shown at once), the
 * questionnaires, the examination, then save: the server scores, screens and classifies, and
 * the result page follows — with the clinician's decision on the flags when one is needed.
 */
import {
  movementDirections,
  movementEffects,
  type InstrumentId,
  type MovementDirection,
  type MovementEffect,
  type Region,
} from '@spinewise/clinical';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { instrumentTitle } from '../outcomes/instruments.js';
import { conditionLabel, regionLabel } from '../patients/conditions.js';
import {
  fetchPatient,
  patientQueryKey,
  type Episode,
  type PatientWithEpisodes,
} from '../patients/patients-api.js';
import { Button } from '../ui/button.js';
import {
  Checkbox,
  Form,
  RadioGroup,
  SelectField,
  TextField,
  noErrors,
  type RadioOption,
} from '../ui/form.js';
import { PageHeader } from '../ui/page.js';
import { ErrorState, LoadingState } from '../ui/states.js';
import {
  assessmentQueryKey,
  createAssessment,
  episodeAssessmentsQueryKey,
  fetchEpisodeAssessments,
  fetchInstruments,
  instrumentsQueryKey,
  screenFindings,
  type AssessmentSummary,
  type Instrument,
} from './assessment-api.js';
import {
  PSFS_ROWS,
  buildAssessmentBody,
  defaultInstruments,
  emptyDraft,
  errorsByStep,
  examFields,
  fieldKeys,
  filledInstruments,
  findingsOf,
  firstStepWithErrors,
  invalidByStep,
  screenQuestions,
  steps,
  type Draft,
  type FindingChoice,
  type QuestionnaireMode,
  type StepErrors,
  type StepId,
  type YesNo,
} from './assessment-draft.js';
import { HistoryFields } from './history-fields.js';
import { PatientAnswers, SendToPhone } from './questionnaire-sending.js';
import { RedFlagBanner, isSerious } from './red-flag-banner.js';
import './assessment.css';

const yesNoOptions: readonly RadioOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'open', label: 'Not asked' },
];

const findingOptions: readonly RadioOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unknown', label: 'Not known' },
];

const testedOptions: readonly RadioOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'open', label: 'Not tested' },
];

const directionWords: Readonly<Record<MovementDirection, string>> = {
  extension: 'Extension',
  flexion: 'Flexion',
  lateral: 'Side gliding or side bending',
  rotation: 'Rotation',
};

const effectWords: Readonly<Record<MovementEffect, string>> = {
  centralises: 'Centralises the symptoms',
  reduces: 'Reduces the symptoms',
  noEffect: 'No effect',
  increases: 'Increases the symptoms',
  peripheralises: 'Spreads the symptoms further out (peripheralises)',
};

/** Labels of every field, for the errors' sentences and the error summary. */
function fieldLabels(region: Region, instruments: readonly Instrument[]): Record<string, string> {
  const labels: Record<string, string> = {
    [fieldKeys.age]: 'Age',
    [fieldKeys.duration]: 'How long the symptoms have lasted',
    [fieldKeys.recurrentEpisode]: 'Recurrent episode',
    [fieldKeys.symptomsBelowKnee]: 'Symptoms below the knee',
    [fieldKeys.kind]: 'Kind of assessment',
    [fieldKeys.surgery]: 'Previous spinal surgery',
    [fieldKeys.surgeryDetails]: 'Details of the surgery',
    [fieldKeys.aggravating]: 'Aggravating factors',
    [fieldKeys.easing]: 'Easing factors',
    [fieldKeys.occupation]: 'Occupation',
    [fieldKeys.workStatus]: 'Work status',
    [fieldKeys.workDemands]: 'Physical demands of the work',
    [fieldKeys.historyNotes]: 'Other history notes',
  };
  for (let row = 0; row < PSFS_ROWS; row += 1) {
    labels[fieldKeys.answer('psfs', row)] = `Goal ${row + 1}`;
  }
  for (const finding of screenQuestions(region)) {
    labels[fieldKeys.finding(finding.id)] = finding.question.replace(/\?$/u, '');
  }
  for (const instrument of instruments) {
    instrument.items.forEach((item, index) => {
      labels[fieldKeys.answer(instrument.id, index)] =
        `${instrument.shortTitle} item ${item.number}`;
    });
  }
  for (const field of examFields(region)) labels[fieldKeys.exam(field.id)] = field.label;
  for (const direction of movementDirections) {
    labels[fieldKeys.movement(direction)] = `Repeated ${directionWords[direction].toLowerCase()}`;
  }
  return labels;
}

function StepNav({
  current,
  errors,
  onGo,
}: {
  readonly current: StepId;
  readonly errors: StepErrors;
  readonly onGo: (step: StepId) => void;
}) {
  const currentIndex = steps.findIndex((step) => step.id === current);
  return (
    <ol className="steps assessment-steps" aria-label="Steps">
      {steps.map((step, index) => {
        const isCurrent = step.id === current;
        const state = isCurrent ? 'Current step: ' : index < currentIndex ? 'Done: ' : 'Step: ';
        return (
          <li
            key={step.id}
            aria-current={isCurrent ? 'step' : undefined}
            className={isCurrent ? 'steps-current' : index < currentIndex ? 'steps-done' : ''}
          >
            <button
              type="button"
              className="assessment-step-button"
              onClick={() => {
                onGo(step.id);
              }}
            >
              <span className="visually-hidden">{state}</span>
              {step.title}
              {errors[step.id] === undefined ? null : (
                <span className="assessment-step-problem"> (needs attention)</span>
              )}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function toRadio(value: string): string {
  return value === '' ? 'open' : value;
}

function fromRadio(value: string): string {
  return value === 'open' ? '' : value;
}

interface FlowProps {
  readonly patient: PatientWithEpisodes;
  readonly episode: Episode;
  readonly instruments: readonly Instrument[];
  readonly previous: readonly AssessmentSummary[];
}

function AssessmentFlow({ patient, episode, instruments, previous }: FlowProps) {
  const patientId = patient.id;
  const region = episode.region;
  const navigate = useNavigate();
  const client = useQueryClient();
  const hasBaseline = previous.some((assessment) => assessment.kind === 'baseline');
  const [draft, setDraft] = useState<Draft>(() =>
    emptyDraft(
      hasBaseline ? 'reassessment' : 'baseline',
      defaultInstruments(region).filter((id) =>
        instruments.some((instrument) => instrument.id === id),
      ),
    ),
  );
  const [step, setStep] = useState<StepId>('history');
  const [errors, setErrors] = useState<StepErrors>({});
  const [saving, setSaving] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const offered = useMemo(
    () =>
      instruments.filter(
        (instrument) =>
          instrument.id !== 'psfs' && (instrument.region === 'any' || instrument.region === region),
      ),
    [instruments, region],
  );
  const labels = useMemo(() => fieldLabels(region, instruments), [region, instruments]);
  const questions = useMemo(() => screenQuestions(region), [region]);

  // The screen follows the answers; the last result stays while the next one comes.
  const findings = findingsOf(draft);
  const screen = useQuery({
    queryKey: ['red-flag-screen', region, findings],
    queryFn: () => screenFindings(region, findings),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const update = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
  };
  const stepIndex = steps.findIndex((candidate) => candidate.id === step);
  const goNext = () => {
    const next = steps[stepIndex + 1];
    if (next !== undefined) setStep(next.id);
  };
  const goBack = () => {
    const back = steps[stepIndex - 1];
    if (back !== undefined) setStep(back.id);
  };

  const save = async () => {
    const built = buildAssessmentBody(draft, region);
    if (Object.keys(built.invalid).length > 0) {
      const local = invalidByStep(built.invalid, labels);
      setErrors(local);
      setStep(firstStepWithErrors(local) ?? 'review');
      return;
    }
    setSaving(true);
    try {
      const record = await createAssessment(episode.id, built.body);
      client.setQueryData(assessmentQueryKey(record.id), record);
      void client.invalidateQueries({ queryKey: episodeAssessmentsQueryKey(episode.id) });
      await navigate(
        `/patients/${encodeURIComponent(patientId)}/assessments/${encodeURIComponent(record.id)}`,
      );
    } catch (error) {
      const placed = errorsByStep(error, built.layout, labels);
      setErrors(placed);
      setStep(firstStepWithErrors(placed) ?? 'review');
      setSaving(false);
    }
  };

  const screenResult = screen.data;
  const serious = screenResult !== undefined && isSerious(screenResult.action);
  const stepTitle = steps[stepIndex]?.title ?? '';
  const stepErrors = errors[step] ?? noErrors;

  const nav = (
    <div className="form-actions">
      {stepIndex > 0 ? (
        <Button variant="secondary" onClick={goBack}>
          Back
        </Button>
      ) : null}
      {step === 'review' ? (
        <Button
          busy={saving}
          busyLabel="Saving the assessment…"
          onClick={() => {
            void save();
          }}
        >
          Save the assessment
        </Button>
      ) : (
        <Button type="submit">Next: {steps[stepIndex + 1]?.title}</Button>
      )}
    </div>
  );

  return (
    <>
      <StepNav current={step} errors={errors} onGo={setStep} />
      {serious && step !== 'screen' ? (
        <p className="notice notice--error assessment-reminder">
          <strong>Red flags:</strong> the screen shows an {screenResult.action} concern. See the
          red-flag screen step.
        </p>
      ) : null}
      <section className="panel form-panel" aria-labelledby="step-heading">
        <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
          {stepTitle}
        </h2>
        <Form
          key={step}
          className="assessment-form"
          errors={stepErrors}
          summaryTitle="Please check this step"
          onSubmit={() => {
            goNext();
          }}
        >
          {step === 'history' ? (
            <HistoryStep draft={draft} region={region} update={update} />
          ) : null}
          {step === 'screen' ? (
            <>
              <div className="assessment-screen-live" aria-live="polite">
                {screen.isError ? (
                  <ErrorState title="The screen could not be run" error={screen.error} />
                ) : screenResult === undefined ? (
                  <LoadingState label="Screening" />
                ) : (
                  <RedFlagBanner screen={screenResult} />
                )}
              </div>
              {questions.map((finding) =>
                finding.type === 'answer' ? (
                  <RadioGroup
                    key={finding.id}
                    name={fieldKeys.finding(finding.id)}
                    legend={finding.question}
                    inline
                    options={findingOptions}
                    value={draft.findings[finding.id] ?? ''}
                    onChange={(value) => {
                      update({
                        findings: { ...draft.findings, [finding.id]: value as FindingChoice },
                      });
                    }}
                  />
                ) : (
                  <TextField
                    key={finding.id}
                    name={fieldKeys.finding(finding.id)}
                    label={finding.question}
                    optional
                    width="short"
                    inputMode="numeric"
                    value={draft.inflammatoryFeatures}
                    onChange={(event) => {
                      update({ inflammatoryFeatures: event.currentTarget.value });
                    }}
                  />
                ),
              )}
            </>
          ) : null}
          {step === 'questionnaires' ? (
            <QuestionnaireStep
              draft={draft}
              offered={offered}
              update={update}
              patient={patient}
              episodeId={episode.id}
            />
          ) : null}
          {step === 'examination' ? (
            <ExaminationStep draft={draft} region={region} update={update} />
          ) : null}
          {step === 'review' ? (
            <ReviewStep draft={draft} hasBaseline={hasBaseline} update={update} />
          ) : null}
          {nav}
        </Form>
      </section>
    </>
  );
}

interface StepProps {
  readonly draft: Draft;
  readonly update: (change: Partial<Draft>) => void;
}

function HistoryStep({ draft, region, update }: StepProps & { readonly region: Region }) {
  return (
    <>
      <TextField
        name={fieldKeys.age}
        label="Age"
        hint="In years. The red-flag screen uses it."
        optional
        width="short"
        inputMode="numeric"
        value={draft.age}
        onChange={(event) => {
          update({ age: event.currentTarget.value });
        }}
      />
      <div className="assessment-inline">
        <TextField
          name={fieldKeys.duration}
          label="How long the symptoms have lasted"
          optional
          width="short"
          inputMode="numeric"
          value={draft.duration}
          onChange={(event) => {
            update({ duration: event.currentTarget.value });
          }}
        />
        <SelectField
          name="durationUnit"
          label="Unit"
          options={[
            { value: 'days', label: 'days' },
            { value: 'weeks', label: 'weeks' },
            { value: 'months', label: 'months (30 days)' },
          ]}
          value={draft.durationUnit}
          onChange={(event) => {
            update({ durationUnit: event.currentTarget.value as Draft['durationUnit'] });
          }}
        />
      </div>
      <RadioGroup
        name={fieldKeys.recurrentEpisode}
        legend="Has the patient had episodes like this before?"
        inline
        options={yesNoOptions}
        value={toRadio(draft.recurrentEpisode)}
        onChange={(value) => {
          update({ recurrentEpisode: fromRadio(value) as YesNo });
        }}
      />
      {region === 'lumbar' ? (
        <RadioGroup
          name={fieldKeys.symptomsBelowKnee}
          legend="Symptoms below the knee?"
          inline
          options={yesNoOptions}
          value={toRadio(draft.symptomsBelowKnee)}
          onChange={(value) => {
            update({ symptomsBelowKnee: fromRadio(value) as YesNo });
          }}
        />
      ) : null}
      <HistoryFields draft={draft} region={region} update={update} />
      <fieldset className="field assessment-goals">
        <legend className="field-label">Goals (Patient-Specific Functional Scale)</legend>
        <p className="field-hint">
          Up to five activities the patient finds hard because of the problem, each rated from 0
          (unable to do it) to 10 (able to do it as before). Three or more make a PSFS score.
        </p>
        {draft.activities.map((row, index) => (
          <div className="assessment-inline" key={index}>
            <TextField
              name={fieldKeys.answer('psfs', index)}
              label={`Goal ${index + 1}`}
              optional
              maxLength={200}
              value={row.activity}
              onChange={(event) => {
                const activities = draft.activities.map((current, at) =>
                  at === index ? { ...current, activity: event.currentTarget.value } : current,
                );
                update({ activities });
              }}
            />
            <SelectField
              name={`psfs-rating-${index}`}
              label={`Rating for goal ${index + 1}`}
              optional
              placeholder="Not rated"
              options={Array.from({ length: 11 }, (_, value) => ({
                value: String(value),
                label: String(value),
              }))}
              value={row.rating}
              onChange={(event) => {
                const activities = draft.activities.map((current, at) =>
                  at === index ? { ...current, rating: event.currentTarget.value } : current,
                );
                update({ activities });
              }}
            />
          </div>
        ))}
      </fieldset>
    </>
  );
}

const modeOptions: readonly RadioOption[] = [
  { value: 'now', label: 'Fill in now' },
  { value: 'send', label: 'Send to the patient’s phone' },
];

function QuestionnaireStep({
  draft,
  offered,
  update,
  patient,
  episodeId,
}: StepProps & {
  readonly offered: readonly Instrument[];
  readonly patient: PatientWithEpisodes;
  readonly episodeId: string;
}) {
  const toggle = (id: InstrumentId, on: boolean) => {
    const chosen = new Set(draft.instruments);
    if (on) chosen.add(id);
    else chosen.delete(id);
    // Keep the order of the list, so the body's order is stable.
    update({ instruments: offered.map((i) => i.id).filter((candidate) => chosen.has(candidate)) });
  };
  const chosen = offered.filter((instrument) => draft.instruments.includes(instrument.id));
  const sending = draft.questionnaireMode === 'send';
  return (
    <>
      <PatientAnswers
        patient={patient}
        episodeId={episodeId}
        offered={offered}
        draft={draft}
        update={update}
      />
      <fieldset className="field">
        <legend className="field-label">Questionnaires</legend>
        <p className="field-hint">The PSFS goes with the goals in the history.</p>
        {offered.map((instrument) => (
          <Checkbox
            key={instrument.id}
            label={instrument.title}
            checked={draft.instruments.includes(instrument.id)}
            onChange={(event) => {
              toggle(instrument.id, event.currentTarget.checked);
            }}
          />
        ))}
      </fieldset>
      <RadioGroup
        name="questionnaireMode"
        legend="How will the patient answer them?"
        inline
        options={modeOptions}
        value={draft.questionnaireMode}
        onChange={(value) => {
          update({ questionnaireMode: value as QuestionnaireMode });
        }}
      />
      {sending ? (
        <SendToPhone
          patient={patient}
          episodeId={episodeId}
          instruments={chosen.map((instrument) => instrument.id)}
        />
      ) : null}
      {(sending ? [] : chosen).map((instrument) => (
        <QuestionnaireItems
          key={instrument.id}
          instrument={instrument}
          answers={draft.answers[instrument.id] ?? []}
          onAnswer={(index, value) => {
            const answers = Array.from(
              { length: instrument.items.length },
              (_, at) => draft.answers[instrument.id]?.[at] ?? '',
            );
            answers[index] = value;
            update({ answers: { ...draft.answers, [instrument.id]: answers } });
          }}
        />
      ))}
    </>
  );
}

/**
 * One questionnaire's items. The item text shows only where the clinic imported the licensed
 * wording; otherwise the item's number, with the answer options as the API gives them. [S-LIC]
 */
function QuestionnaireItems({
  instrument,
  answers,
  onAnswer,
}: {
  readonly instrument: Instrument;
  readonly answers: readonly string[];
  readonly onAnswer: (index: number, value: string) => void;
}) {
  const licensed = instrument.licensed;
  return (
    <fieldset className="field assessment-questionnaire">
      <legend className="field-label">{instrumentTitle(instrument.id)}</legend>
      <p className="field-hint">
        {licensed === null
          ? 'Your clinic has not imported the licensed wording, so items show by number. Read them from the licensed form.'
          : 'The licensed wording your clinic imported.'}{' '}
        {instrument.copyright}
      </p>
      {instrument.items.map((item, index) => {
        const wording = licensed?.items.find((candidate) => candidate.id === item.id);
        const options = wording?.options ?? item.options;
        return (
          <SelectField
            key={item.id}
            name={fieldKeys.answer(instrument.id, index)}
            label={
              wording === undefined ? `Item ${item.number}` : `${item.number}. ${wording.text}`
            }
            optional
            placeholder="Not answered"
            options={options.map((option) => ({
              value: String(option.value),
              label: option.label,
            }))}
            value={answers[index] ?? ''}
            onChange={(event) => {
              onAnswer(index, event.currentTarget.value);
            }}
          />
        );
      })}
    </fieldset>
  );
}

function ExaminationStep({ draft, region, update }: StepProps & { readonly region: Region }) {
  const setExam = (id: string, value: string) => {
    update({ exam: { ...draft.exam, [id]: value } });
  };
  return (
    <>
      <p className="field-hint">
        Leave out what you did not test: the rules then show it as unknown.
      </p>
      {examFields(region).map((field) =>
        field.kind === 'yesNo' ? (
          <RadioGroup
            key={field.id}
            name={fieldKeys.exam(field.id)}
            legend={field.label}
            inline
            options={testedOptions}
            value={toRadio(draft.exam[field.id] ?? '')}
            onChange={(value) => {
              setExam(field.id, fromRadio(value));
            }}
          />
        ) : (
          <TextField
            key={field.id}
            name={fieldKeys.exam(field.id)}
            label={`${field.label} (degrees)`}
            hint={field.hint}
            optional
            width="short"
            inputMode="numeric"
            value={draft.exam[field.id] ?? ''}
            onChange={(event) => {
              setExam(field.id, event.currentTarget.value);
            }}
          />
        ),
      )}
      <fieldset className="field">
        <legend className="field-label">Repeated movements</legend>
        <p className="field-hint">The response to each direction, for directional preference.</p>
        {movementDirections.map((direction) => (
          <SelectField
            key={direction}
            name={fieldKeys.movement(direction)}
            label={`Repeated ${directionWords[direction].toLowerCase()}`}
            optional
            placeholder="Not tested"
            options={movementEffects.map((effect) => ({
              value: effect,
              label: effectWords[effect],
            }))}
            value={draft.movements[direction] ?? ''}
            onChange={(event) => {
              update({
                movements: {
                  ...draft.movements,
                  [direction]: event.currentTarget.value as MovementEffect | '',
                },
              });
            }}
          />
        ))}
      </fieldset>
    </>
  );
}

function ReviewStep({ draft, hasBaseline, update }: StepProps & { readonly hasBaseline: boolean }) {
  const goals = draft.activities.filter((row) => row.activity.trim() !== '').length;
  const answered = Object.values(draft.findings).filter((choice) => choice !== '').length;
  const filled = filledInstruments(draft);
  const unfilled = draft.instruments.filter((id) => !filled.includes(id));
  return (
    <>
      <ul className="history-list">
        <li>Red-flag questions answered: {answered}</li>
        <li>
          Questionnaires filled in:{' '}
          {filled.length === 0 ? 'none' : filled.map((id) => instrumentTitle(id)).join(', ')}
          {goals > 0 ? `, and ${goals} PSFS goal${goals === 1 ? '' : 's'}` : ''}
        </li>
        {draft.questionnaireMode === 'send' ? (
          <li>
            Sent to the patient’s phone, so not in this assessment:{' '}
            {draft.instruments.length === 0
              ? 'none chosen'
              : draft.instruments.map((id) => instrumentTitle(id)).join(', ')}
          </li>
        ) : unfilled.length === 0 ? null : (
          <li>
            Chosen but not started, so left out:{' '}
            {unfilled.map((id) => instrumentTitle(id)).join(', ')}
          </li>
        )}
      </ul>
      <RadioGroup
        name={fieldKeys.kind}
        legend="Kind of assessment"
        hint={
          hasBaseline
            ? 'This episode has a baseline: a reassessment is compared with it.'
            : 'This episode has no baseline yet.'
        }
        options={[
          { value: 'baseline', label: 'Baseline' },
          { value: 'reassessment', label: 'Reassessment' },
        ]}
        value={draft.kind}
        onChange={(value) => {
          update({ kind: value as Draft['kind'] });
        }}
      />
      <p>
        Spinewise scores the questionnaires, screens the red flags and runs the classification rules
        when you save.
      </p>
    </>
  );
}

export function NewAssessmentPage() {
  const { patientId = '', episodeId = '' } = useParams();
  const patient = useQuery({
    queryKey: patientQueryKey(patientId),
    queryFn: ({ signal }) => fetchPatient(patientId, signal),
  });
  const instruments = useQuery({
    queryKey: instrumentsQueryKey,
    queryFn: ({ signal }) => fetchInstruments(signal),
  });
  const previous = useQuery({
    queryKey: episodeAssessmentsQueryKey(episodeId),
    queryFn: ({ signal }) => fetchEpisodeAssessments(episodeId, signal),
  });
  const back = <Link to={`/patients/${encodeURIComponent(patientId)}`}>Back to the patient</Link>;
  const title = <title>New assessment · Spinewise</title>;

  if (patient.isPending || instruments.isPending || previous.isPending) {
    return (
      <>
        {title}
        <LoadingState label="Getting the assessment ready" />
      </>
    );
  }
  if (patient.isError || instruments.isError || previous.isError) {
    return (
      <>
        {title}
        <PageHeader title="New assessment" backLink={back} />
        <ErrorState
          title="The assessment could not be started"
          error={patient.error ?? instruments.error ?? previous.error}
        />
      </>
    );
  }
  const episode = patient.data.episodes.find((candidate) => candidate.id === episodeId);
  if (episode === undefined) {
    return (
      <>
        {title}
        <PageHeader title="New assessment" backLink={back} />
        <p className="notice notice--info">This patient has no such episode of care.</p>
      </>
    );
  }
  if (episode.status !== 'active') {
    return (
      <>
        {title}
        <PageHeader title="New assessment" backLink={back} />
        <p className="notice notice--info">
          This episode has been discharged, so it takes no new assessments.
        </p>
      </>
    );
  }
  return (
    <>
      {title}
      <PageHeader
        title={`New assessment: ${patient.data.displayName}`}
        lead={`${conditionLabel(episode.condition)} · ${regionLabel(episode.region)}`}
        backLink={back}
      />
      <AssessmentFlow
        patient={patient.data}
        episode={episode}
        instruments={instruments.data}
        previous={previous.data}
      />
    </>
  );
}
