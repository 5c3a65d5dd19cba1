/**
 * The history step's fields beyond what the rules read: previous spinal surgery, aggravating
 * and easing factors (typed, or tapped from common suggestions) and work.
 */
import type { Region } from '@spinewise/clinical';
import { useState } from 'react';
import { Button } from '../ui/button.js';
import { RadioGroup, SelectField, TextField, type RadioOption } from '../ui/form.js';
import type { WorkDemands, WorkStatus } from './assessment-api.js';
import {
  HISTORY_FACTORS_MAX,
  HISTORY_TEXT_MAX_LENGTH,
  addFactor,
  fieldKeys,
  type Draft,
  type YesNo,
} from './assessment-draft.js';
import {
  aggravatingSuggestions,
  easingSuggestions,
  workDemandsWords,
  workStatusWords,
} from './history-words.js';

const surgeryOptions: readonly RadioOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'open', label: 'Not asked' },
];

interface FactorListProps {
  readonly name: string;
  /** "aggravating factors": used in the legend and the buttons' names. */
  readonly noun: string;
  readonly legend: string;
  readonly hint: string;
  readonly values: readonly string[];
  readonly suggestions: readonly string[];
  readonly onChange: (values: readonly string[]) => void;
}

/** A list the clinician adds to and removes from, with suggestions to tap. */
function FactorList({ name, noun, legend, hint, values, suggestions, onChange }: FactorListProps) {
  const [text, setText] = useState('');
  const full = values.length >= HISTORY_FACTORS_MAX;
  const taken = new Set(values.map((value) => value.toLowerCase()));
  const offered = suggestions.filter((suggestion) => !taken.has(suggestion.toLowerCase()));
  const add = () => {
    const next = addFactor(values, text);
    if (next !== values) onChange(next);
    if (next !== values || text.trim() === '') setText('');
  };
  return (
    <fieldset className="field assessment-factors">
      <legend className="field-label">{legend}</legend>
      <p className="field-hint">{hint}</p>
      {values.length === 0 ? (
        <p className="assessment-factors-empty">None added yet.</p>
      ) : (
        <ul className="assessment-factor-list" aria-label={legend}>
          {values.map((value) => (
            <li key={value} className="assessment-factor">
              <span>{value}</span>
              <Button
                variant="quiet"
                className="assessment-factor-remove"
                aria-label={`Remove ${value} from ${noun}`}
                onClick={() => {
                  onChange(values.filter((entry) => entry !== value));
                }}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {offered.length === 0 || full ? null : (
        <div className="assessment-suggestions" role="group" aria-label={`Common ${noun}`}>
          {offered.map((suggestion) => (
            <button
              key={suggestion}
              type="button"
              className="assessment-suggestion"
              aria-label={`Add ${suggestion}`}
              onClick={() => {
                onChange(addFactor(values, suggestion));
              }}
            >
              <span aria-hidden="true">+ </span>
              {suggestion}
            </button>
          ))}
        </div>
      )}
      {full ? (
        <p className="field-hint">That is the most this list takes ({HISTORY_FACTORS_MAX}).</p>
      ) : (
        <div className="assessment-inline">
          <TextField
            name={name}
            label={`Another of the ${noun}`}
            optional
            width="medium"
            maxLength={HISTORY_TEXT_MAX_LENGTH}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
            }}
            onKeyDown={(event) => {
              // Enter adds the entry rather than moving on to the next step.
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <Button
            variant="secondary"
            className="assessment-factor-add"
            aria-label={`Add to the ${noun}`}
            onClick={add}
          >
            Add
          </Button>
        </div>
      )}
    </fieldset>
  );
}

export function HistoryFields({
  draft,
  region,
  update,
}: {
  readonly draft: Draft;
  readonly region: Region;
  readonly update: (change: Partial<Draft>) => void;
}) {
  return (
    <>
      <RadioGroup
        name={fieldKeys.surgery}
        legend="Has the patient had spinal surgery before?"
        inline
        options={surgeryOptions}
        value={draft.surgery === '' ? 'open' : draft.surgery}
        onChange={(value) => {
          update({ surgery: (value === 'open' ? '' : value) as YesNo });
        }}
      />
      {draft.surgery === 'yes' ? (
        <TextField
          name={fieldKeys.surgeryDetails}
          label="Details of the surgery"
          hint="What was done, at which level, and when."
          maxLength={HISTORY_TEXT_MAX_LENGTH}
          value={draft.surgeryDetails}
          onChange={(event) => {
            update({ surgeryDetails: event.currentTarget.value });
          }}
        />
      ) : null}
      <FactorList
        name={fieldKeys.aggravating}
        noun="aggravating factors"
        legend="Aggravating factors"
        hint="Activities or positions that make the symptoms worse. Tap a common one or type your own."
        values={draft.aggravating}
        suggestions={aggravatingSuggestions(region)}
        onChange={(aggravating) => {
          update({ aggravating });
        }}
      />
      <FactorList
        name={fieldKeys.easing}
        noun="easing factors"
        legend="Easing factors"
        hint="Activities or positions that ease the symptoms."
        values={draft.easing}
        suggestions={easingSuggestions(region)}
        onChange={(easing) => {
          update({ easing });
        }}
      />
      <fieldset className="field">
        <legend className="field-label">Work</legend>
        <TextField
          name={fieldKeys.occupation}
          label="Occupation"
          optional
          maxLength={HISTORY_TEXT_MAX_LENGTH}
          value={draft.occupation}
          onChange={(event) => {
            update({ occupation: event.currentTarget.value });
          }}
        />
        <div className="assessment-inline">
          <SelectField
            name={fieldKeys.workStatus}
            label="Work status"
            optional
            placeholder="Not asked"
            options={Object.entries(workStatusWords).map(([value, label]) => ({ value, label }))}
            value={draft.workStatus}
            onChange={(event) => {
              update({ workStatus: event.currentTarget.value as WorkStatus | '' });
            }}
          />
          <SelectField
            name={fieldKeys.workDemands}
            label="Physical demands of the work"
            optional
            placeholder="Not asked"
            options={Object.entries(workDemandsWords).map(([value, label]) => ({ value, label }))}
            value={draft.workDemands}
            onChange={(event) => {
              update({ workDemands: event.currentTarget.value as WorkDemands | '' });
            }}
          />
        </div>
      </fieldset>
      <TextField
        name={fieldKeys.historyNotes}
        label="Other history notes"
        optional
        maxLength={HISTORY_TEXT_MAX_LENGTH}
        value={draft.historyNotes}
        onChange={(event) => {
          update({ historyNotes: event.currentTarget.value });
        }}
      />
    </>
  );
}
