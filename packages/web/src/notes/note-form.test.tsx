// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../app/query-client.js';
import { fakeApi, problem } from '../app/test-app.fixture.js';
import { NoteForm } from './note-form.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PATIENT = '11111111-1111-4111-8111-111111111111';
const EPISODE = '22222222-2222-4222-8222-222222222222';
const NOTE =
  'NICE NG59 recommends not offering this for low back pain. Record your reason if you use it.';

const options = {
  status: 200,
  body: {
    region: 'lumbar',
    modalities: [
      {
        id: 'tens',
        name: 'TENS',
        notOfferedFor: ['lumbar'],
        notOffered: true,
        guidelineNote: NOTE,
      },
      {
        id: 'traction',
        name: 'Traction',
        notOfferedFor: ['lumbar'],
        notOffered: true,
        guidelineNote: NOTE,
      },
    ],
    guidance: 'Other treatments can be recorded by name.',
    source: 'S-NICE',
  },
};

function renderForm(onSaved = vi.fn()) {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false } });
  render(
    <QueryClientProvider client={client}>
      <NoteForm
        patientId={PATIENT}
        episodeId={EPISODE}
        region="lumbar"
        onSaved={onSaved}
        onCancel={vi.fn()}
      />
    </QueryClientProvider>,
  );
  return onSaved;
}

describe('NoteForm', () => {
  it('shows the guideline note for a treatment NICE says not to offer, and the server’s demand for a reason beside its field', async () => {
    let calls = 0;
    const seen = fakeApi({
      'GET /api/passive-treatments?region=lumbar': options,
      'POST /api/patients/:patientId/notes': (request) => {
        calls += 1;
        const body = request.body as { passiveTreatments: { clinicianReason?: string }[] };
        if (body.passiveTreatments[0]?.clinicianReason === undefined) {
          return problem(400, 'A treatment NICE advises against needs your reason.', [
            {
              path: 'body.passiveTreatments[0].clinicianReason',
              message: 'is required for a treatment NICE NG59 says not to offer',
            },
          ]);
        }
        return {
          status: 201,
          body: {
            id: '33333333-3333-4333-8333-333333333333',
            visitOn: '2026-11-20',
            passiveTreatments: [],
          },
        };
      },
    });
    const onSaved = renderForm();
    fireEvent.change(await screen.findByLabelText(/Subjective/u), { target: { value: 'Better.' } });
    expect(screen.queryByText(NOTE, { exact: false })).toBeNull();
    fireEvent.click(screen.getByLabelText(/TENS/u));
    expect(screen.getByText(NOTE, { exact: false })).toBeDefined();
    const reason = screen.getByLabelText('Your reason for using TENS');

    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => {
      expect(reason.getAttribute('aria-invalid')).toBe('true');
    });
    expect(
      screen.getAllByText(
        'Your reason for TENS is required for a treatment NICE NG59 says not to offer.',
      ).length,
    ).toBe(2);
    expect(onSaved).not.toHaveBeenCalled();

    fireEvent.change(reason, { target: { value: 'Patient asked; short trial agreed.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => {
      expect(onSaved).toHaveBeenCalled();
    });
    expect(calls).toBe(2);
    const last = seen.at(-1)?.body as { episodeId: string; passiveTreatments: unknown[] };
    expect(last.episodeId).toBe(EPISODE);
    expect(last.passiveTreatments).toEqual([
      {
        modality: 'TENS',
        notOfferedId: 'tens',
        clinicianReason: 'Patient asked; short trial agreed.',
      },
    ]);
  });

  it('asks for a reason when a treatment typed by name is one NICE says not to offer', async () => {
    fakeApi({ 'GET /api/passive-treatments?region=lumbar': options });
    renderForm();
    fireEvent.click(await screen.findByRole('button', { name: 'Add a treatment' }));
    const name = screen.getByLabelText('Treatment 1');
    fireEvent.change(name, { target: { value: 'Heat' } });
    expect(screen.queryByLabelText(/Your reason/u)).toBeNull();
    fireEvent.change(name, { target: { value: 'Lumbar traction' } });
    expect(screen.getByLabelText('Your reason for using Traction')).toBeDefined();
    expect(screen.getByText(NOTE, { exact: false })).toBeDefined();
  });
});
