/**
 * Logging one exercise: done or partly done (how many sets), pain before, during and just after
 * (0–10, in words by the pain-monitoring model [S-PMM]), how hard it felt, and the symptom
 * questions. A red-flag symptom shows its advice the moment it is ticked, before anything is
 * sent. The log goes to the outbox: saved on the phone at once, sent when there is a connection.
 */
import type { LogSymptom } from '@spinewise/clinical';
import { useId, useState } from 'react';
import { Button } from '../../ui/button.js';
import { Form, RadioGroup, SelectField, noErrors, type FormErrors } from '../../ui/form.js';
import { enqueue, useOutbox, type OutboxEntry } from '../offline/outbox.js';
import { EmergencyAdvice } from '../safety/emergency-advice.js';
import { SymptomQuestions } from '../safety/symptom-questions.js';
import { adviceFor, spreadingAdvice } from '../safety/symptoms.js';
import { LOGS_URL, type SessionLogBody } from '../today-api.js';
import { savePainBefore } from './day-log.js';
import { PainScale } from './pain-scale.js';

export interface LogFormValues {
  readonly completed?: 'done' | 'partly';
  readonly setsDone?: number;
  readonly painBefore?: number;
  readonly painDuring?: number;
  readonly painAfter?: number;
  readonly difficulty?: 'easy' | 'moderate' | 'hard';
  readonly symptoms: readonly LogSymptom[];
}

export interface LogTarget {
  readonly exerciseId: string;
  readonly name: string;
  readonly date: string;
  readonly plannedSets: number;
  /** Repetitions done, from the player, when it counted any. */
  readonly repsDone?: number;
  /** Said in the log's note: e.g. the gentler set of the flare-up plan. */
  readonly note?: string;
}

const labels = {
  completed: 'How much you did',
  setsDone: 'Sets done',
  painBefore: 'Pain before',
  painDuring: 'Pain during',
  painAfter: 'Pain now',
  difficulty: 'How hard it felt',
} as const;

/** The errors of the form as filled in; none when it can be logged. */
export function validateLog(values: LogFormValues): FormErrors {
  const fields: Record<string, string> = {};
  if (values.completed === undefined)
    fields.completed = 'Choose whether you did all of it or part of it.';
  if (values.completed === 'partly' && values.setsDone === undefined) {
    fields.setsDone = 'Choose how many sets you did.';
  }
  if (values.painBefore === undefined)
    fields.painBefore = 'Choose your pain before you started, from 0 to 10.';
  if (values.painDuring === undefined)
    fields.painDuring = 'Choose your pain during the exercise, from 0 to 10.';
  if (values.painAfter === undefined) fields.painAfter = 'Choose your pain now, from 0 to 10.';
  if (values.difficulty === undefined) fields.difficulty = 'Choose how hard it felt.';
  return { fields };
}

/** The log to send for a valid form. */
export function logBodyOf(target: LogTarget, values: LogFormValues): SessionLogBody {
  const setsDone =
    values.completed === 'done'
      ? target.plannedSets
      : Math.min(values.setsDone ?? 0, target.plannedSets);
  return {
    date: target.date,
    exerciseId: target.exerciseId,
    setsDone,
    completed: values.completed === 'done' ? 'done' : setsDone === 0 ? 'skipped' : 'partly',
    ...(target.repsDone === undefined || target.repsDone === 0
      ? {}
      : { repsDone: target.repsDone }),
    ...(values.painBefore === undefined ? {} : { painBefore: values.painBefore }),
    ...(values.painDuring === undefined ? {} : { painDuring: values.painDuring }),
    ...(values.painAfter === undefined ? {} : { painAfter: values.painAfter }),
    ...(values.difficulty === undefined ? {} : { difficulty: values.difficulty }),
    ...(values.symptoms.length === 0 ? {} : { symptoms: [...values.symptoms] }),
    ...(target.note === undefined ? {} : { note: target.note }),
  };
}

export interface LogFormProps {
  readonly target: LogTarget;
  readonly painBefore?: number;
  readonly setsDone?: number;
  readonly onLogged: (entry: OutboxEntry) => void;
  readonly onCancel?: () => void;
}

export function LogForm({ target, painBefore, setsDone, onLogged, onCancel }: LogFormProps) {
  const { online } = useOutbox();
  const titleId = `log-${useId().replace(/[^a-zA-Z0-9_-]/gu, '')}`;
  const [values, setValues] = useState<LogFormValues>({
    symptoms: [],
    ...(painBefore === undefined ? {} : { painBefore }),
    ...(setsDone === undefined || setsDone === 0
      ? {}
      : setsDone >= target.plannedSets
        ? { completed: 'done' as const }
        : { completed: 'partly' as const, setsDone }),
  });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const advice = adviceFor(values.symptoms);
  const set = (patch: Partial<LogFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
  };

  const submit = () => {
    const found = validateLog(values);
    setErrors(found);
    if (Object.keys(found.fields).length > 0) return;
    setBusy(true);
    if (values.painBefore !== undefined) savePainBefore(target.date, values.painBefore);
    enqueue('log', LOGS_URL, logBodyOf(target, values))
      .then((entry) => {
        onLogged(entry);
      })
      .catch(() => {
        setErrors({ form: 'This phone could not save your log. Please try again.', fields: {} });
      })
      .finally(() => {
        setBusy(false);
      });
  };

  return (
    <Form
      errors={errors}
      onSubmit={submit}
      summaryTitle="Please check your log"
      className="log-form"
      aria-labelledby={titleId}
    >
      <h4 id={titleId} className="log-form-title">
        How did {target.name} go?
      </h4>
      <RadioGroup
        name="completed"
        legend={labels.completed}
        options={[
          { value: 'done', label: 'I did all of it' },
          { value: 'partly', label: 'I did part of it' },
        ]}
        value={values.completed ?? ''}
        onChange={(value) => {
          set({ completed: value === 'done' ? 'done' : 'partly' });
        }}
      />
      {values.completed === 'partly' ? (
        <SelectField
          name="setsDone"
          label="How many sets did you do?"
          value={values.setsDone === undefined ? '' : String(values.setsDone)}
          placeholder="Choose…"
          options={Array.from({ length: target.plannedSets }, (_, sets) => ({
            value: String(sets),
            label: `${sets} of ${target.plannedSets}`,
          }))}
          onChange={(event) => {
            const chosen = event.currentTarget.value;
            const rest: Partial<LogFormValues> = chosen === '' ? {} : { setsDone: Number(chosen) };
            setValues((current) => {
              const { setsDone: _dropped, ...others } = current;
              return { ...others, ...rest };
            });
          }}
        />
      ) : null}
      <PainScale
        name="painBefore"
        legend="Your pain before you started"
        value={values.painBefore}
        onChange={(pain) => {
          set({ painBefore: pain });
        }}
        withWords={false}
      />
      <PainScale
        name="painDuring"
        legend="Your pain during the exercise"
        value={values.painDuring}
        onChange={(pain) => {
          set({ painDuring: pain });
        }}
      />
      <PainScale
        name="painAfter"
        legend="Your pain now, just after"
        value={values.painAfter}
        onChange={(pain) => {
          set({ painAfter: pain });
        }}
      />
      <RadioGroup
        name="difficulty"
        legend={labels.difficulty}
        inline
        options={[
          { value: 'easy', label: 'Easy' },
          { value: 'moderate', label: 'Moderate' },
          { value: 'hard', label: 'Hard' },
        ]}
        value={values.difficulty ?? ''}
        onChange={(value) => {
          set({ difficulty: value as 'easy' | 'moderate' | 'hard' });
        }}
      />
      <SymptomQuestions
        legend="Since you started, have you noticed any of these?"
        value={values.symptoms}
        onChange={(symptoms) => {
          set({ symptoms });
        }}
      />
      {advice === null ? null : <EmergencyAdvice advice={advice} online={online} />}
      {advice === null && values.symptoms.includes('peripheralisation') ? (
        <p className="notice">{spreadingAdvice}</p>
      ) : null}
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel="Saving…">
          {advice === null ? 'Save my log' : 'Save and tell my physio'}
        </Button>
        {onCancel === undefined ? null : (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </Form>
  );
}
