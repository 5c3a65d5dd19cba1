/** A 0–10 pain (or stiffness) scale as eleven large choices, with the chosen value in words. */
import { RadioGroup } from '../../ui/form.js';
import { painBand, painBandWords, painScaleHint } from './pain-words.js';

const options = Array.from({ length: 11 }, (_, value) => ({
  value: String(value),
  label: String(value),
}));

export interface PainScaleProps {
  readonly name: string;
  readonly legend: string;
  readonly value: number | undefined;
  readonly onChange: (value: number) => void;
  /** Words for the scale's ends; pain by default. */
  readonly hint?: string;
  /** Say what the chosen value means by the pain-monitoring model. */
  readonly withWords?: boolean;
}

export function PainScale({
  name,
  legend,
  value,
  onChange,
  hint = painScaleHint,
  withWords = true,
}: PainScaleProps) {
  return (
    <div className="pain-scale">
      <RadioGroup
        name={name}
        legend={legend}
        hint={hint}
        inline
        options={options}
        value={value === undefined ? '' : String(value)}
        onChange={(chosen) => {
          onChange(Number(chosen));
        }}
      />
      {withWords && value !== undefined ? (
        <p className={`pain-scale-words pain-scale-words--${painBand(value)}`}>
          {value} out of 10: {painBandWords[painBand(value)]}
        </p>
      ) : null}
    </div>
  );
}
