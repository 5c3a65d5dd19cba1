/** The symptom questions, as ticks: the red flags first, each with an example in plain words. */
import type { LogSymptom } from '@spinewise/clinical';
import { useId } from 'react';
import { symptomQuestions } from './symptoms.js';
import './safety.css';

export interface SymptomQuestionsProps {
  readonly legend: string;
  readonly value: readonly LogSymptom[];
  readonly onChange: (symptoms: LogSymptom[]) => void;
}

export function SymptomQuestions({ legend, value, onChange }: SymptomQuestionsProps) {
  const id = useId();
  return (
    <fieldset className="field symptom-questions">
      <legend className="field-label">{legend}</legend>
      <p className="field-hint">Tick any that are happening. Leave them all empty if none are.</p>
      {symptomQuestions.map((question) => {
        const inputId = `${id}-${question.symptom}`;
        return (
          <div key={question.symptom}>
            <div className="checkbox">
              <input
                type="checkbox"
                id={inputId}
                name="symptoms"
                value={question.symptom}
                checked={value.includes(question.symptom)}
                aria-describedby={`${inputId}-hint`}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  onChange(
                    checked
                      ? [...value.filter((s) => s !== question.symptom), question.symptom]
                      : value.filter((s) => s !== question.symptom),
                  );
                }}
              />
              <label htmlFor={inputId}>{question.text}</label>
            </div>
            <p id={`${inputId}-hint`} className="symptom-hint">
              {question.hint}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
