/**
 * Accessible forms. Every field has a visible label, an optional hint and, after a failed
 * submit, its error — both linked to the control by `aria-describedby`. A form that fails shows
 * an error summary at its top and moves focus there; each entry links to its field. Inputs are
 * uncontrolled unless a page passes `value`: the form reads them with `FormData` on submit.
 */
import {
  createContext,
  useContext,
  useEffect,
  useId,
  useRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type SubmitEvent,
} from 'react';
import { ApiError } from '../api/client.js';
import { describeError } from './states.js';

/** A form's errors: one for the whole form, and one per field name. */
export interface FormErrors {
  readonly form?: string;
  readonly fields: Readonly<Record<string, string>>;
}

export const noErrors: FormErrors = { fields: {} };

export function hasErrors(errors: FormErrors): boolean {
  return errors.form !== undefined || Object.keys(errors.fields).length > 0;
}

/**
 * A field message that reads on its own. The API names fields in fragments ("is in the
 * future"): those get the field's label in front ("Date of birth is in the future.").
 */
function sentence(label: string, message: string): string {
  const trimmed = message.trim();
  const first = trimmed.charAt(0);
  const whole = first !== '' && first === first.toLowerCase() && first !== first.toUpperCase();
  const text = whole ? `${label} ${trimmed}` : trimmed;
  return /[.!?]$/u.test(text) ? text : `${text}.`;
}

/**
 * The errors to show for a failed request. Field errors the form has a field for go beside
 * the field; anything else (a conflict, a lost connection) goes to the top of the form.
 */
export function formErrorsFrom(
  error: unknown,
  labels: Readonly<Record<string, string>>,
): FormErrors {
  if (!(error instanceof ApiError)) return { form: describeError(error), fields: {} };
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [name, message] of Object.entries(error.fieldErrors())) {
    const label = labels[name];
    if (label === undefined) unplaced.push(message);
    else fields[name] = sentence(label, message);
  }
  const hasFields = Object.keys(fields).length > 0;
  const form =
    unplaced.length > 0
      ? `${error.message} ${unplaced.join(' ')}`.trim()
      : hasFields
        ? undefined
        : error.status === 400
          ? error.message
          : describeError(error);
  return form === undefined ? { fields } : { form, fields };
}

interface FormContextValue {
  readonly idFor: (name: string) => string;
  readonly errors: FormErrors;
}

const FormContext = createContext<FormContextValue | null>(null);

/** A DOM id from React's `useId` (which may hold characters awkward in a `#fragment`). */
function useDomId(): string {
  return `f${useId().replace(/[^a-zA-Z0-9_-]/gu, '')}`;
}

/** The id, hint id and error id of a field, and its error, inside a `Form` or standalone. */
function useField(name: string) {
  const context = useContext(FormContext);
  const ownId = useDomId();
  const id = context === null ? `${ownId}-${name}` : context.idFor(name);
  const error = context?.errors.fields[name];
  return { id, hintId: `${id}-hint`, errorId: `${id}-error`, error };
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter((id): id is string => typeof id === 'string').join(' ');
  return joined === '' ? undefined : joined;
}

export interface FormProps {
  readonly errors: FormErrors;
  readonly onSubmit: (data: FormData) => void;
  readonly children: ReactNode;
  /** The heading of the error summary. */
  readonly summaryTitle?: string;
  readonly className?: string;
  readonly 'aria-labelledby'?: string;
}

export function Form({
  errors,
  onSubmit,
  children,
  summaryTitle = 'Please check the form',
  className,
  ...rest
}: FormProps) {
  const prefix = useDomId();
  const idFor = (name: string) => `${prefix}-${name.replace(/[^a-zA-Z0-9_-]/gu, '_')}`;
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(new FormData(event.currentTarget));
  };
  return (
    <FormContext value={{ idFor, errors }}>
      <form
        noValidate
        className={['form', className].filter(Boolean).join(' ')}
        onSubmit={handleSubmit}
        {...rest}
      >
        <ErrorSummary title={summaryTitle} errors={errors} idFor={idFor} />
        {children}
      </form>
    </FormContext>
  );
}

/**
 * The list of a form's problems. It takes focus each time a new set of errors arrives (each
 * failed submit makes a new object), so the person hears what to fix and can jump to it.
 */
export function ErrorSummary({
  title,
  errors,
  idFor,
}: {
  readonly title: string;
  readonly errors: FormErrors;
  readonly idFor: (name: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useDomId();
  const show = hasErrors(errors);
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [errors, show]);
  if (!show) return null;
  const fields = Object.entries(errors.fields);
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary-title">
        {title}
      </h2>
      {errors.form === undefined ? null : <p>{errors.form}</p>}
      {fields.length === 0 ? null : (
        <ul>
          {fields.map(([name, message]) => (
            <li key={name}>
              <a
                href={`#${idFor(name)}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(idFor(name))?.focus();
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FieldMessages({
  hint,
  hintId,
  error,
  errorId,
}: {
  readonly hint: ReactNode;
  readonly hintId: string;
  readonly error: string | undefined;
  readonly errorId: string;
}) {
  return (
    <>
      {hint === undefined ? null : (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error === undefined ? null : (
        <p id={errorId} className="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
    </>
  );
}

function Label({
  htmlFor,
  label,
  optional,
}: {
  readonly htmlFor: string;
  readonly label: ReactNode;
  readonly optional: boolean;
}) {
  return (
    <label htmlFor={htmlFor} className="field-label">
      {label}
      {optional ? <span className="field-optional"> (optional)</span> : null}
    </label>
  );
}

export interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'name' | 'children'
> {
  readonly name: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  /** Shows "(optional)" after the label; fields are required unless they say so. */
  readonly optional?: boolean;
  /** The control's width in characters, for fields with a known length (a PIN, a date). */
  readonly width?: 'short' | 'medium' | 'full';
}

export function TextField({
  name,
  label,
  hint,
  optional = false,
  width = 'full',
  className,
  ...input
}: TextFieldProps) {
  const { id, hintId, errorId, error } = useField(name);
  return (
    <div
      className={['field', error === undefined ? '' : 'field--error', className]
        .filter(Boolean)
        .join(' ')}
    >
      <Label htmlFor={id} label={label} optional={optional} />
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <input
        type="text"
        required={!optional}
        {...input}
        id={id}
        name={name}
        className={`input input--${width}`}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(hint !== undefined && hintId, error !== undefined && errorId)}
      />
    </div>
  );
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SelectFieldProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'name' | 'children'
> {
  readonly name: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly optional?: boolean;
  readonly options: readonly SelectOption[];
  /** A first option with an empty value, e.g. "Choose a condition". */
  readonly placeholder?: string;
}

export function SelectField({
  name,
  label,
  hint,
  optional = false,
  options,
  placeholder,
  className,
  ...select
}: SelectFieldProps) {
  const { id, hintId, errorId, error } = useField(name);
  return (
    <div
      className={['field', error === undefined ? '' : 'field--error', className]
        .filter(Boolean)
        .join(' ')}
    >
      <Label htmlFor={id} label={label} optional={optional} />
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <select
        required={!optional}
        {...select}
        id={id}
        name={name}
        className="input select"
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(hint !== undefined && hintId, error !== undefined && errorId)}
      >
        {placeholder === undefined ? null : <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface RadioOption extends SelectOption {
  readonly hint?: string;
}

export interface RadioGroupProps {
  readonly name: string;
  readonly legend: ReactNode;
  readonly hint?: ReactNode;
  readonly options: readonly RadioOption[];
  readonly value?: string;
  readonly defaultValue?: string;
  readonly onChange?: (value: string) => void;
  readonly inline?: boolean;
}

/** A choice of one; the first option carries the group's id so the error summary can reach it. */
export function RadioGroup({
  name,
  legend,
  hint,
  options,
  value,
  defaultValue,
  onChange,
  inline = false,
}: RadioGroupProps) {
  const { id, hintId, errorId, error } = useField(name);
  return (
    <fieldset
      className={[
        'field',
        'radios',
        inline ? 'radios--inline' : '',
        error === undefined ? '' : 'field--error',
      ]
        .filter(Boolean)
        .join(' ')}
      aria-describedby={describedBy(hint !== undefined && hintId, error !== undefined && errorId)}
    >
      <legend className="field-label">{legend}</legend>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        const optionHintId = `${optionId}-hint`;
        return (
          <div className="radio" key={option.value}>
            <input
              type="radio"
              id={optionId}
              name={name}
              value={option.value}
              {...(value === undefined ? {} : { checked: value === option.value })}
              {...(defaultValue === undefined
                ? {}
                : { defaultChecked: defaultValue === option.value })}
              onChange={(event) => {
                if (event.currentTarget.checked) onChange?.(option.value);
              }}
              aria-describedby={option.hint === undefined ? undefined : optionHintId}
            />
            <label htmlFor={optionId}>{option.label}</label>
            {option.hint === undefined ? null : (
              <p id={optionHintId} className="radio-hint">
                {option.hint}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

export interface CheckboxProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type' | 'children'
> {
  readonly label: ReactNode;
}

export function Checkbox({ label, className, ...input }: CheckboxProps) {
  const id = useDomId();
  return (
    <div className={['checkbox', className].filter(Boolean).join(' ')}>
      <input type="checkbox" id={id} {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A string from a form's data ('' when absent), trimmed unless told otherwise. */
export function formText(data: FormData, name: string, trim = true): string {
  const value = data.get(name);
  if (typeof value !== 'string') return '';
  return trim ? value.trim() : value;
}
