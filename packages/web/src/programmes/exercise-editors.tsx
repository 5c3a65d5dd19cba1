/**
 * The two edits of one prescribed exercise: its dose, within the bounds the exercise library
 * sets, and a swap for another exercise the safety rules allow for this patient (the
 * programme's own exclusions and the server's check of the patient now, `GET
 * /api/exercises?patientId=`). Exercises held back only by first-phase precautions are offered
 * apart, under "Needs your reason", and need the clinician's written reason (decision record
 * 009); anything else the rules refuse is listed as not offered, never choosable. Both edits
 * change the draft only; nothing is saved until the clinician saves a new version, which the
 * server checks again.
 */
import { libraryLookup, type Exercise, type Programme } from '@spinewise/clinical';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Reasons } from '../library/reasons.js';
import { Button } from '../ui/button.js';
import { ErrorState, LoadingState } from '../ui/states.js';
import { Form, SelectField, TextField, formText, noErrors, type FormErrors } from '../ui/form.js';
import {
  doseFields,
  excludedExercises,
  exerciseAt,
  overrideOptions,
  readDose,
  setDose,
  swapExercise,
  swapOptions,
  type ExerciseAt,
  type OverrideOption,
} from './programme-edit.js';
import { exerciseSuitabilityQueryKey, fetchExerciseSuitability } from './programmes-api.js';

interface EditorProps {
  readonly content: Programme;
  readonly at: ExerciseAt;
  readonly onApply: (content: Programme) => void;
  readonly onCancel: () => void;
}

export function DoseEditor({ content, at, onApply, onCancel }: EditorProps) {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const prescribed = exerciseAt(content, at);
  const exercise = prescribed === undefined ? undefined : libraryLookup(prescribed.id);
  if (prescribed === undefined || exercise === undefined) {
    return (
      <p className="notice notice--error" role="alert">
        This exercise is not in the exercise library, so its dose cannot be changed here.
      </p>
    );
  }
  const fields = doseFields(exercise);
  const headingId = `dose-${String(at.week)}-${String(at.session)}-${String(at.exercise)}`;
  return (
    <div className="inline-editor">
      <h4 id={headingId}>
        Change the dose of {exercise.name} in week {at.week + 1}
      </h4>
      <Form
        errors={errors}
        aria-labelledby={headingId}
        summaryTitle="Please check the dose"
        onSubmit={(data) => {
          const values: Record<string, string> = {};
          for (const field of fields) values[field.variable] = formText(data, field.variable);
          const result = readDose(exercise, values);
          if (!result.ok) {
            setErrors({ fields: result.errors });
            return;
          }
          onApply(setDose(content, at, result.dose));
        }}
      >
        <div className="dose-fields">
          {fields.map((field) => (
            <TextField
              key={field.variable}
              name={field.variable}
              label={field.label}
              hint={`From ${String(field.min)} to ${String(field.max)}`}
              type="number"
              inputMode="numeric"
              min={field.min}
              max={field.max}
              step={1}
              width="short"
              defaultValue={String(prescribed[field.variable] ?? '')}
            />
          ))}
        </div>
        <div className="form-actions">
          <Button type="submit">Use this dose</Button>
          <Button variant="quiet" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </Form>
    </div>
  );
}

export function SwapEditor({
  content,
  at,
  patientId,
  onApply,
  onCancel,
}: EditorProps & { readonly patientId: string }) {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const verdicts = useQuery({
    queryKey: exerciseSuitabilityQueryKey(patientId),
    queryFn: ({ signal }) => fetchExerciseSuitability(patientId, signal),
  });
  if (verdicts.isPending)
    return <LoadingState label="Checking which exercises suit this patient" />;
  if (verdicts.isError) {
    return (
      <div className="inline-editor">
        <ErrorState
          title="We could not check which exercises suit this patient"
          error={verdicts.error}
          onRetry={() => {
            void verdicts.refetch();
          }}
        />
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    );
  }
  const prescribed = exerciseAt(content, at);
  const options = swapOptions(content, at, verdicts.data);
  const withReason = overrideOptions(content, at, verdicts.data);
  const excluded = excludedExercises(content, verdicts.data);
  const headingId = `swap-${String(at.week)}-${String(at.session)}-${String(at.exercise)}`;
  return (
    <div className="inline-editor">
      <h4 id={headingId}>
        Swap {prescribed?.name ?? 'this exercise'} in week {at.week + 1}
      </h4>
      <Form
        errors={errors}
        aria-labelledby={headingId}
        summaryTitle="Please choose an exercise"
        onSubmit={(data) => {
          const chosen = libraryLookup(formText(data, 'replacement'));
          if (chosen === undefined) {
            setErrors({ fields: { replacement: 'Choose the exercise to use instead.' } });
            return;
          }
          onApply(swapExercise(content, at, chosen));
        }}
      >
        <SelectField
          name="replacement"
          label="Exercise to use instead"
          hint="Only exercises the safety rules allow for this patient are offered. It starts at its usual dose."
          placeholder="Choose an exercise"
          options={options.map((exercise) => ({
            value: exercise.id,
            label: `${exercise.name} (level ${String(exercise.level)})`,
          }))}
        />
        <div className="form-actions">
          <Button type="submit">Swap</Button>
          <Button variant="quiet" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </Form>
      {withReason.length === 0 ? null : (
        <OverridePicker
          options={withReason}
          headingId={`${headingId}-reason`}
          onChoose={(exercise, reason, rules) => {
            onApply(swapExercise(content, at, exercise, { reason, rules }));
          }}
        />
      )}
      {excluded.length === 0 ? null : (
        <details className="rationale">
          <summary>Not offered for this patient ({excluded.length})</summary>
          <ul>
            {excluded.map((item) => (
              <li key={item.name}>
                <strong>{item.name}</strong>: {item.reasons.join(' ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/**
 * Exercises held back only by first-phase precautions ("avoid … early"; the direction chosen by
 * the patient's response, REFERENCE §6 [S-MDT] [S-STEN]): each with its reasons and sources, and
 * given only with the clinician's written reason.
 */
function OverridePicker({
  options,
  headingId,
  onChoose,
}: {
  readonly options: readonly OverrideOption[];
  readonly headingId: string;
  readonly onChoose: (exercise: Exercise, reason: string, rules: readonly string[]) => void;
}) {
  const [chosen, setChosen] = useState<OverrideOption | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  return (
    <section className="override-picker" aria-labelledby={headingId}>
      <h5 id={headingId}>Needs your reason</h5>
      <p className="field-hint">
        The safety rules hold these back in the first phase only. You can give one if the
        patient&rsquo;s response supports it, for example on repeated movements. Your reason is kept
        with the programme.
      </p>
      {chosen === null ? (
        <ul className="override-list">
          {options.map((option) => (
            <li key={option.exercise.id}>
              <strong>
                {option.exercise.name} (level {option.exercise.level})
              </strong>
              <Reasons reasons={option.reasons} />
              <Button
                variant="secondary"
                onClick={() => {
                  setErrors(noErrors);
                  setChosen(option);
                }}
              >
                Give with a reason
                <span className="visually-hidden"> : {option.exercise.name}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <Form
          errors={errors}
          aria-labelledby={`${headingId}-chosen`}
          summaryTitle="Please give your reason"
          onSubmit={(data) => {
            const reason = formText(data, 'overrideReason');
            if (reason === '') {
              setErrors({
                fields: {
                  overrideReason: `Write why ${chosen.exercise.name} suits this patient now.`,
                },
              });
              return;
            }
            onChoose(
              chosen.exercise,
              reason,
              chosen.reasons.map((item) => item.rule),
            );
          }}
        >
          <p id={`${headingId}-chosen`}>
            <strong>Give {chosen.exercise.name} in the first phase</strong>
          </p>
          <Reasons reasons={chosen.reasons} />
          <TextField
            name="overrideReason"
            label={`Your reason for giving ${chosen.exercise.name} now`}
            hint="For example: leg pain centralises with repeated movements in this direction."
            maxLength={1000}
          />
          <div className="form-actions">
            <Button type="submit">Swap with this reason</Button>
            <Button
              variant="quiet"
              onClick={() => {
                setChosen(null);
              }}
            >
              Back
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
