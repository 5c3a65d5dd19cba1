// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import {
  Form,
  RadioGroup,
  TextField,
  formErrorsFrom,
  formText,
  noErrors,
  type FormErrors,
} from './form.js';

afterEach(cleanup);

/** A form whose submit always fails with `failure`. */
function FailingForm({ failure }: { readonly failure: FormErrors }) {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  return (
    <Form
      errors={errors}
      onSubmit={() => {
        // A new object each time, as a real failed submit makes.
        setErrors({ ...failure });
      }}
    >
      <TextField name="name" label="Name" hint="As the patient likes to be called." />
      <RadioGroup
        name="region"
        legend="Region"
        options={[
          { value: 'lumbar', label: 'Low back' },
          { value: 'cervical', label: 'Neck' },
        ]}
      />
      <TextField name="note" label="Note" optional />
      <button type="submit">Save</button>
    </Form>
  );
}

describe('Form', () => {
  it('links each field to its hint, and after a failed submit to its error', () => {
    render(
      <FailingForm
        failure={{ fields: { name: 'Enter the patient’s name.', region: 'Choose a region.' } }}
      />,
    );
    const name = screen.getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBeNull();
    const hintId = name.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(hintId)?.textContent).toBe('As the patient likes to be called.');
    expect(name.hasAttribute('required')).toBe(true);
    expect(screen.getByLabelText(/Note/u).hasAttribute('required')).toBe(false);
    expect(screen.getByText('(optional)')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(name.getAttribute('aria-invalid')).toBe('true');
    const described = (name.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual([
      'As the patient likes to be called.',
      'Error: Enter the patient’s name.',
    ]);
    const group = screen.getByRole('group', { name: 'Region' });
    const groupDescribed = document.getElementById(group.getAttribute('aria-describedby') ?? '');
    expect(groupDescribed?.textContent).toBe('Error: Choose a region.');
  });

  it('shows a summary that takes focus on each failed submit and links to the fields', () => {
    render(
      <FailingForm
        failure={{
          form: 'Please check.',
          fields: { name: 'Enter a name.', region: 'Choose a region.' },
        }}
      />,
    );
    expect(document.querySelector('.error-summary')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const summary = document.querySelector<HTMLElement>('.error-summary');
    expect(summary).not.toBeNull();
    expect(document.activeElement).toBe(summary);
    expect(summary?.textContent).toContain('Please check.');

    // Each entry moves focus to its field; the radio group's entry to its first option.
    fireEvent.click(screen.getByRole('link', { name: 'Enter a name.' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    fireEvent.click(screen.getByRole('link', { name: 'Choose a region.' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Low back'));

    // A second failure brings focus back to the summary.
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(document.activeElement).toBe(document.querySelector('.error-summary'));
  });
});

describe('formErrorsFrom', () => {
  const labels = { dateOfBirth: 'Date of birth', secret: 'PIN' };
  function validation(errors: { path: string; message: string }[]) {
    return new ApiError({
      type: 'v',
      title: 'Invalid',
      status: 400,
      detail: 'See errors.',
      errors,
    });
  }

  it('puts the field’s label before a fragment, and keeps a whole sentence as it is', () => {
    expect(
      formErrorsFrom(
        validation([
          { path: 'body.dateOfBirth', message: 'is in the future' },
          { path: 'body.secret', message: 'A PIN is exactly 6 digits (0–9).' },
        ]),
        labels,
      ),
    ).toEqual({
      fields: {
        dateOfBirth: 'Date of birth is in the future.',
        secret: 'A PIN is exactly 6 digits (0–9).',
      },
    });
  });

  it('sends errors for fields the form does not have, and other failures, to the top', () => {
    expect(
      formErrorsFrom(validation([{ path: 'body.clinicianId', message: 'is wrong.' }]), labels),
    ).toEqual({
      form: 'See errors. is wrong.',
      fields: {},
    });
    const conflict = new ApiError({
      type: 'c',
      title: 'Conflict',
      status: 409,
      detail: 'Already done.',
    });
    expect(formErrorsFrom(conflict, labels)).toEqual({ form: 'Already done.', fields: {} });
    expect(formErrorsFrom(new Error('boom'), labels).form).toBe(
      'Something unexpected went wrong. Please try again.',
    );
  });
});

describe('formText', () => {
  it('reads a trimmed string, or an empty one when absent', () => {
    const data = new FormData();
    data.set('name', '  Ann  ');
    expect(formText(data, 'name')).toBe('Ann');
    expect(formText(data, 'name', false)).toBe('  Ann  ');
    expect(formText(data, 'missing')).toBe('');
  });
});
