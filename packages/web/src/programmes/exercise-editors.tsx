/**
 * The two edits of one prescribed exercise: its dose, within the bounds the exercise library
 * sets, and a swap for another exercise the safety rules allow for this patient (the
 * programme's own exclusions and the server's check of the patient now, `GET
 * /api/exercises?patientId=`). Both change the draft only; nothing is saved until the clinician
 * saves a new version, which the server checks again.
 */
import { libraryLookup, type Programme } from '@spinewise/clinical';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../ui/button.js';
import { ErrorState, LoadingState } from '../ui/states.js';
import { Form, SelectField, TextField, formText, noErrors, type FormErrors } from '../ui/form.js';
import {
  doseFields,
  excludedExercises,
  exerciseAt,
  readDose,
  setDose,
  swapExercise,
  swapOptions,
  type ExerciseAt,
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
