/**
 * One exercise of the library (`/library/:exerciseId`): the moving figure, what the patient is
 * told (steps, cues, common mistakes, what to feel, when to stop), the dose and its bounds, the
 * progression chain with the easier and harder levels linked, its precautions, and which of the
 * clinician's patients it suits now, with the safety rule and its source when it does not.
 */
import type { Dose, Dosage, Precaution } from '@spinewise/clinical';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../ui/page.js';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.js';
import { ExerciseFigure } from './exercise-figure.js';
import {
  aimLabels,
  exerciseQueryKey,
  exerciseRegionLabels,
  exercisesQueryKey,
  fetchExercise,
  fetchExercises,
  type ExerciseDetail,
  type PatientSuitability,
} from './library-api.js';
import { Reasons, Sources } from './reasons.js';
import './library.css';

const positionLabels: Readonly<Record<string, string>> = {
  standing: 'Standing',
  sitting: 'Sitting',
  supine: 'Lying on the back',
  prone: 'Lying face down',
  sideLying: 'Lying on one side',
  quadruped: 'On hands and knees',
  kneeling: 'Kneeling',
  walking: 'Walking',
};

const precautionLabels: Readonly<Record<string, string>> = {
  osteoporosis: 'Osteoporosis',
  extensionPreference: 'A preference for extension',
  flexionPreference: 'A preference for flexion',
  discRadicular: 'Disc-related leg pain',
  stenosis: 'Spinal stenosis',
  spondylolisthesis: 'Spondylolisthesis',
  postSurgeryNotCleared: 'After surgery, before the surgeon’s clearance',
  cervicalRadiculopathy: 'Nerve-related arm pain',
  cervicalArterialSymptoms: 'Cervical arterial symptoms',
};

const effectLabels: Readonly<Record<Precaution['effect'], string>> = {
  avoid: 'Not offered',
  avoidEarly: 'Not offered in the first phase',
  caution: 'Offered with care',
};

/** The equipment in words, e.g. "A mat and a chair". */
function equipmentText(equipment: readonly string[]): string {
  const items = equipment.filter((item) => item !== 'none');
  if (items.length === 0) return 'None needed';
  const words = items.map((item) => (item === 'weight' ? 'something to lift' : item));
  const text =
    words.length === 1
      ? (words[0] ?? '')
      : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** A dose in words, e.g. "2 sets of 10 repetitions, twice a day, 5 days a week". */
export function doseText(kind: Dosage['kind'], dose: Dose): string {
  const perSet =
    kind === 'duration'
      ? plural(dose.minutes ?? 0, 'minute')
      : kind === 'hold'
        ? `${plural(dose.reps ?? 1, 'hold')} of ${plural(dose.holdSeconds ?? 0, 'second')}`
        : plural(dose.reps ?? 0, 'repetition');
  const sets =
    kind === 'duration' && dose.sets === 1 ? perSet : `${plural(dose.sets, 'set')} of ${perSet}`;
  const perDay =
    dose.perDay === 1
      ? 'once a day'
      : dose.perDay === 2
        ? 'twice a day'
        : `${dose.perDay} times a day`;
  return `${sets}, ${perDay}, ${plural(dose.daysPerWeek, 'day')} a week`;
}

function SuitsVerdict({ entry }: { readonly entry: PatientSuitability }) {
  if (entry.allowed === null) {
    return <span className="suit suit--unknown">Not assessed yet</span>;
  }
  return entry.allowed ? (
    <span className="suit suit--yes">
      <span aria-hidden="true">✓ </span>Suits now
    </span>
  ) : (
    <span className="suit suit--no">
      <span aria-hidden="true">✕ </span>Not suitable now
    </span>
  );
}

function SuitsSection({ exercise }: { readonly exercise: ExerciseDetail }) {
  return (
    <section className="panel" aria-labelledby="suits-heading">
      <h2 id="suits-heading">Your patients</h2>
      <p className="field-hint">
        Checked against each patient’s safety profile from their latest assessment and programme, as
        for the first phase of a programme.
      </p>
      {exercise.suits.length === 0 ? (
        <EmptyState title="You have no patients to check yet" />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">
              Whether {exercise.name} suits your patients
            </caption>
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Suits now?</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {exercise.suits.map((entry) => (
                <tr key={entry.patientId}>
                  <th scope="row">
                    <Link to={`/patients/${entry.patientId}`}>{entry.displayName}</Link>
                  </th>
                  <td>
                    <SuitsVerdict entry={entry} />
                  </td>
                  <td>
                    {entry.allowed === null ? (
                      'Their safety profile comes from an assessment; there is none yet.'
                    ) : entry.allowed ? (
                      entry.cautions.length === 0 ? (
                        'No safety rule rules it out.'
                      ) : (
                        <Reasons reasons={entry.cautions} />
                      )
                    ) : (
                      <Reasons reasons={entry.details} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function BoundsTable({ dosage }: { readonly dosage: Dosage }) {
  const { bounds } = dosage;
  const rows: [string, { min: number; max: number; step?: number } | undefined, string][] = [
    ['Sets', bounds.sets, ''],
    ['Repetitions', bounds.reps, ''],
    ['Hold', bounds.holdSeconds, ' s'],
    ['Minutes', bounds.minutes, ''],
    ['Times a day', bounds.perDay, ''],
    ['Days a week', bounds.daysPerWeek, ''],
  ];
  return (
    <table className="table library-bounds">
      <caption>Limits a programme keeps to</caption>
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">One step</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, range, unit]) =>
          range === undefined ? null : (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{`${range.min}${unit}`}</td>
              <td>{`${range.max}${unit}`}</td>
              <td>{range.step === undefined ? '—' : `${range.step}${unit}`}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

function ExerciseContent({ exercise }: { readonly exercise: ExerciseDetail }) {
  const library = useQuery({
    queryKey: exercisesQueryKey({}),
    queryFn: ({ signal }) => fetchExercises({}, signal),
  });
  const chain = (library.data?.exercises ?? [])
    .filter((item) => item.chain === exercise.chain)
    .sort((a, b) => a.level - b.level);
  const nameOf = (id: string) => library.data?.exercises.find((item) => item.id === id)?.name ?? id;
  const { dosage } = exercise;

  return (
    <>
      <div className="library-top">
        <ExerciseFigure name={exercise.name} animation={exercise.animation} />
        <section className="panel" aria-labelledby="glance-heading">
          <h2 id="glance-heading">At a glance</h2>
          <dl className="library-facts">
            <dt>Aims</dt>
            <dd>{exercise.aims.map((aim) => aimLabels[aim]).join(', ')}</dd>
            <dt>Region</dt>
            <dd>{exerciseRegionLabels[exercise.region]}</dd>
            <dt>Position</dt>
            <dd>{positionLabels[exercise.position] ?? exercise.position}</dd>
            <dt>Equipment</dt>
            <dd>{equipmentText(exercise.equipment)}</dd>
            <dt>Usual dose</dt>
            <dd>{doseText(dosage.kind, dosage.default)}</dd>
          </dl>
        </section>
      </div>

      <section className="panel" aria-labelledby="instructions-heading">
        <h2 id="instructions-heading">Instructions</h2>
        <div className="library-columns">
          <div>
            <h3>Steps</h3>
            <ol>
              {exercise.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            <h3>Cues</h3>
            <ul>
              {exercise.cues.map((cue) => (
                <li key={cue}>{cue}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3>Common mistakes</h3>
            <ul>
              {exercise.mistakes.map((mistake) => (
                <li key={mistake}>{mistake}</li>
              ))}
            </ul>
            <h3>What to feel</h3>
            <p>{exercise.feel}</p>
            <h3>When to stop</h3>
            <ul>
              {exercise.stopIf.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        </div>
      </section>

      <section className="panel" aria-labelledby="dose-heading">
        <h2 id="dose-heading">Dose</h2>
        <p>
          Usually <strong>{doseText(dosage.kind, dosage.default)}</strong>
          {dosage.pyramid === undefined
            ? ''
            : `, each set ${plural(dosage.pyramid.step, 'repetition')} fewer than the one before`}
          .
        </p>
        <p>
          {dosage.rationale}
          <Sources ids={dosage.sources} />
        </p>
        <BoundsTable dosage={dosage} />
      </section>

      <section className="panel" aria-labelledby="progression-heading">
        <h2 id="progression-heading">Progressions</h2>
        <p>
          Level {exercise.level}
          {chain.length > 0 ? ` of ${chain.length}` : ''} in its progression chain.
        </p>
        <ul className="library-list">
          <li>
            Easier:{' '}
            {exercise.regression === null ? (
              'this is the first level'
            ) : (
              <Link to={`/library/${encodeURIComponent(exercise.regression)}`}>
                {nameOf(exercise.regression)}
              </Link>
            )}
          </li>
          <li>
            Harder:{' '}
            {exercise.progression === null ? (
              'this is the last level'
            ) : (
              <Link to={`/library/${encodeURIComponent(exercise.progression)}`}>
                {nameOf(exercise.progression)}
              </Link>
            )}
          </li>
        </ul>
        {chain.length > 1 ? (
          <ol className="library-chain" aria-label="Every level of the chain">
            {chain.map((item) => (
              <li key={item.id}>
                {item.id === exercise.id ? (
                  <span aria-current="page">
                    <strong>{item.name}</strong> (this one)
                  </span>
                ) : (
                  <Link to={`/library/${encodeURIComponent(item.id)}`}>{item.name}</Link>
                )}
              </li>
            ))}
          </ol>
        ) : null}
      </section>

      {exercise.precautions.length === 0 ? null : (
        <section className="panel" aria-labelledby="precautions-heading">
          <h2 id="precautions-heading">Precautions</h2>
          <ul className="library-list">
            {exercise.precautions.map((precaution) => (
              <li key={`${precaution.when}-${precaution.effect}`}>
                <strong>{precautionLabels[precaution.when] ?? precaution.when}</strong> —{' '}
                {effectLabels[precaution.effect]}: {precaution.note}
                <Sources ids={precaution.sources} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <SuitsSection exercise={exercise} />
    </>
  );
}

export function ExercisePage() {
  const { exerciseId = '' } = useParams();
  const exercise = useQuery({
    queryKey: exerciseQueryKey(exerciseId),
    queryFn: ({ signal }) => fetchExercise(exerciseId, signal),
  });
  const back = <Link to="/library">Exercise library</Link>;

  if (exercise.isPending) {
    return (
      <>
        <PageHeader title="Exercise" backLink={back} />
        <LoadingState label="Loading the exercise" />
      </>
    );
  }
  if (exercise.isError) {
    return (
      <>
        <title>Exercise · Spinewise</title>
        <PageHeader title="Exercise" backLink={back} />
        <ErrorState
          title="This exercise could not be loaded"
          error={exercise.error}
          onRetry={() => void exercise.refetch()}
        />
      </>
    );
  }
  return (
    <>
      <title>{`${exercise.data.name} · Exercise library · Spinewise`}</title>
      <PageHeader title={exercise.data.name} lead={exercise.data.summary} backLink={back} />
      <ExerciseContent exercise={exercise.data} />
    </>
  );
}
