/**
 * Journey 7, the exercise library: every exercise Spinewise can prescribe, to browse and search
 * by name, aim, region and what it is for. Each card shows the exercise's starting position;
 * its page has the moving figure, the instructions, the dose and which patients it suits.
 */
import { aims, exerciseRegions, type Aim, type ExerciseRegion } from '@spinewise/clinical';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fetchPatient, patientQueryKey } from '../patients/patients-api.js';
import { Checkbox, SelectField, TextField } from '../ui/form.js';
import { PageHeader } from '../ui/page.js';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.js';
import { drawPose, frameOf } from './figure.js';
import {
  aimLabels,
  exerciseRegionLabels,
  exercisesQueryKey,
  fetchExercises,
  type ExerciseList,
  type LibraryExercise,
} from './library-api.js';
import { Reasons } from './reasons.js';
import './library.css';

const isAim = (value: string | null): value is Aim =>
  value !== null && (aims as readonly string[]).includes(value);
const isRegion = (value: string | null): value is ExerciseRegion =>
  value !== null && (exerciseRegions as readonly string[]).includes(value);

/** The words a search looks in: name, summary, chain and aims, regions and position in words. */
function searchText(exercise: LibraryExercise): string {
  return [
    exercise.name,
    exercise.summary,
    exercise.chain,
    exercise.position,
    exercise.region,
    exerciseRegionLabels[exercise.region],
    ...exercise.aims,
    ...exercise.aims.map((aim) => aimLabels[aim]),
  ]
    .join(' ')
    .toLocaleLowerCase('en-GB');
}

/** The exercises that match every word of `search` and the chosen aim and region. */
export function filterExercises(
  exercises: readonly LibraryExercise[],
  filter: {
    readonly search: string;
    readonly aim: Aim | null;
    readonly region: ExerciseRegion | null;
  },
): LibraryExercise[] {
  const words = filter.search.toLocaleLowerCase('en-GB').split(/\s+/u).filter(Boolean);
  return exercises.filter(
    (exercise) =>
      (filter.aim === null || exercise.aims.includes(filter.aim)) &&
      (filter.region === null || exercise.region === filter.region) &&
      words.every((word) => searchText(exercise).includes(word)),
  );
}

/** The starting position, small and still (the exercise page has the moving figure). */
function Thumbnail({ exercise }: { readonly exercise: LibraryExercise }) {
  const { animation } = exercise;
  const frame = frameOf(animation);
  const first = animation.keyframes[0];
  if (first === undefined) return null;
  const drawing = drawPose(first.pose, animation.view);
  return (
    <svg
      className="library-card-figure"
      viewBox={`${frame.minX} ${frame.minY} ${frame.width} ${frame.height}`}
      aria-hidden="true"
    >
      <g className="figure-body">
        {drawing.bones.map((bone) => (
          <line key={bone.id} x1={bone.from.x} y1={bone.from.y} x2={bone.to.x} y2={bone.to.y} />
        ))}
        <circle cx={drawing.head.centre.x} cy={drawing.head.centre.y} r={drawing.head.radius} />
      </g>
    </svg>
  );
}

/** Whether the exercise suits the patient being checked, with the reasons when it does not. */
function CardVerdict({
  exercise,
  name,
}: {
  readonly exercise: LibraryExercise;
  readonly name: string;
}) {
  const verdict = exercise.suitability;
  if (verdict === undefined || verdict === null) return null;
  if (verdict.allowed) {
    return (
      <div className="library-card-verdict">
        <span className="suit suit--yes">
          <span aria-hidden="true">✓ </span>Suits {name}
        </span>
        {verdict.cautions.length === 0 ? null : <Reasons reasons={verdict.cautions} />}
      </div>
    );
  }
  return (
    <div className="library-card-verdict">
      <span className="suit suit--no">
        <span aria-hidden="true">✕ </span>Not suitable for {name} now
      </span>
      <Reasons reasons={verdict.details} />
    </div>
  );
}

/** Whose safety profile the library is checked against, and a way to stop. */
function PatientNotice({
  patientId,
  list,
  onlySuitable,
  onOnlySuitable,
  onStop,
}: {
  readonly patientId: string;
  readonly list: ExerciseList | undefined;
  readonly onlySuitable: boolean;
  readonly onOnlySuitable: (value: boolean) => void;
  readonly onStop: () => void;
}) {
  const patient = useQuery({
    queryKey: patientQueryKey(patientId),
    queryFn: ({ signal }) => fetchPatient(patientId, signal),
  });
  const name = patient.data?.displayName ?? 'this patient';
  const basis = list?.profile?.basis;
  return (
    <div className="library-patient" role="region" aria-label="Checking against a patient">
      <p>
        Checking each exercise against{' '}
        <Link to={`/patients/${encodeURIComponent(patientId)}`}>{name}</Link>’s safety profile
        {basis === 'programme'
          ? ' (from their programme and latest assessment)'
          : basis === 'assessment'
            ? ' (from their latest assessment)'
            : ''}
        , as for the first phase of a programme.
      </p>
      {basis === 'none' ? (
        <p>
          <strong>{name} has no assessment yet</strong>, so no exercise can be checked for them.
        </p>
      ) : (
        <Checkbox
          label={`Only exercises that suit ${name}`}
          checked={onlySuitable}
          onChange={(event) => {
            onOnlySuitable(event.currentTarget.checked);
          }}
        />
      )}
      <button type="button" className="button button--quiet" onClick={onStop}>
        Stop checking against {name}
      </button>
    </div>
  );
}

export function LibraryPage() {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const aimParam = params.get('aim');
  const regionParam = params.get('region');
  const aim = isAim(aimParam) ? aimParam : null;
  const region = isRegion(regionParam) ? regionParam : null;
  const patientId = params.get('patientId') ?? undefined;
  const onlySuitable = params.get('suits') === 'only';
  const filter = patientId === undefined ? {} : { patientId };
  const library = useQuery({
    queryKey: exercisesQueryKey(filter),
    queryFn: ({ signal }) => fetchExercises(filter, signal),
  });
  const patient = useQuery({
    queryKey: patientQueryKey(patientId ?? ''),
    queryFn: ({ signal }) => fetchPatient(patientId ?? '', signal),
    enabled: patientId !== undefined,
  });
  const patientName = patient.data?.displayName ?? 'this patient';

  const found = useMemo(
    () =>
      filterExercises(library.data?.exercises ?? [], { search, aim, region }).filter(
        (exercise) => !onlySuitable || exercise.suitability?.allowed === true,
      ),
    [library.data, search, aim, region, onlySuitable],
  );

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };

  return (
    <>
      <title>Exercise library · Spinewise</title>
      <PageHeader
        title="Exercise library"
        lead="Every exercise Spinewise can prescribe, with its instructions, dose, progressions and which of your patients it suits."
      />
      <section className="panel" aria-label="Exercises">
        {patientId === undefined ? null : (
          <PatientNotice
            patientId={patientId}
            list={library.data}
            onlySuitable={onlySuitable}
            onOnlySuitable={(value) => {
              setParam('suits', value ? 'only' : '');
            }}
            onStop={() => {
              const next = new URLSearchParams(params);
              next.delete('patientId');
              next.delete('suits');
              setParams(next, { replace: true });
            }}
          />
        )}
        <div className="filters" role="search" aria-label="Search the exercises">
          <TextField
            name="q"
            type="search"
            label="Search"
            hint="A name, or what it is for, e.g. bridge or breathing"
            required={false}
            autoComplete="off"
            width="medium"
            value={search}
            onChange={(event) => {
              setParam('q', event.currentTarget.value);
            }}
          />
          <SelectField
            name="aim"
            label="Aim"
            required={false}
            placeholder="Any aim"
            options={aims.map((value) => ({ value, label: aimLabels[value] }))}
            value={aim ?? ''}
            onChange={(event) => {
              setParam('aim', event.currentTarget.value);
            }}
          />
          <SelectField
            name="region"
            label="Region"
            required={false}
            placeholder="Any region"
            options={exerciseRegions.map((value) => ({
              value,
              label: exerciseRegionLabels[value],
            }))}
            value={region ?? ''}
            onChange={(event) => {
              setParam('region', event.currentTarget.value);
            }}
          />
        </div>
        {library.isPending ? (
          <LoadingState label="Loading the exercises" />
        ) : library.isError ? (
          <ErrorState
            title="The exercises could not be loaded"
            error={library.error}
            onRetry={() => void library.refetch()}
          />
        ) : (
          <>
            <p className="results-count" role="status">
              {found.length === library.data.exercises.length
                ? `${found.length} exercises`
                : `${found.length} of ${library.data.exercises.length} exercises match`}
            </p>
            {found.length === 0 ? (
              <EmptyState title="No exercises match">
                <p>Try fewer words, or another aim or region.</p>
              </EmptyState>
            ) : (
              <ul className="library-grid" aria-label="Exercises found">
                {found.map((exercise) => (
                  <li key={exercise.id} className="library-card">
                    <Thumbnail exercise={exercise} />
                    <div className="library-card-text">
                      <h2 className="library-card-title">
                        <Link to={`/library/${encodeURIComponent(exercise.id)}`}>
                          {exercise.name}
                        </Link>
                      </h2>
                      <p className="library-card-summary">{exercise.summary}</p>
                      <p className="library-card-meta">
                        {aimLabels[exercise.category]} · {exerciseRegionLabels[exercise.region]} ·
                        level {exercise.level}
                      </p>
                      <CardVerdict exercise={exercise} name={patientName} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </>
  );
}
