/**
 * A generated clinic for the benchmarks (issue 4 §6): thousands of patients, each with an active
 * episode, a baseline assessment, an active programme the clinical core generated, alerts, and
 * session logs — recent logs on the active programme plus a long history on an earlier, completed
 * programme. Rows are made by PostgreSQL (`generate_series`, `INSERT … SELECT`), never one by one
 * from here: only the templates (programmes, questionnaires) come from the clinical core.
 *
 * The caseload clinician is responsible for exactly `caseloadSize` patients; growing the history
 * (`growLogs`) adds old logs only, so the dashboard's answer is the same at any volume and only
 * the cost of reading it could change.
 */
import {
  addDays,
  generateProgramme,
  scoreInstrument,
  screenRedFlags,
  type Findings,
  type Profile,
  type Programme,
} from '@spinewise/clinical';
import type pg from 'pg';

export interface ClinicSize {
  readonly patients: number;
  readonly logs: number;
  /** Patients of the one clinician whose dashboard is measured. */
  readonly caseloadSize: number;
  /** Patients given a log-in, for the patient routes. */
  readonly patientLogins: number;
  /** `YYYY-MM-DD`: the server's today. */
  readonly today: string;
  readonly progress?: (message: string) => void;
}

export interface GeneratedClinic {
  readonly clinicId: string;
  /** The clinician with `caseloadSize` patients. */
  readonly clinicianId: string;
  /** Patients with a log-in: their user id and an exercise of today's programme week. */
  readonly patients: readonly { readonly userId: string; readonly exerciseId: string }[];
  /** Session logs in the database now. */
  readonly logs: number;
  readonly today: string;
  /** Exercises of the completed programme the history logs belong to. */
  readonly historyExerciseIds: readonly string[];
}

/** Programmes start 0–41 days before today, so every programme week is represented. */
const START_OFFSETS = 42;
/** The history's programme ran well before the current episode. */
const HISTORY_START_DAYS_AGO = 430;
/** Days the history's logs spread over, before the current episode. */
const HISTORY_SPAN_DAYS = 1400;

const noRedFlags: Findings = {
  bladderDysfunction: false,
  bowelDysfunction: false,
  saddleNumbness: false,
  bilateralLegSymptoms: false,
  historyOfCancer: false,
  unexplainedWeightLoss: false,
  age: 45,
};

function profileStarting(startDate: string): Profile {
  return {
    region: 'lumbar',
    condition: 'nonspecific',
    symptomDurationDays: 30,
    age: 45,
    sbstRisk: 'medium',
    scores: { odi: 30, nprs: 6 },
    directionalPreference: 'none',
    osteoporosis: false,
    redFlags: { findings: { bladderDysfunction: false, saddleNumbness: false, age: 45 } },
    goals: [{ activity: 'Gardening for an hour', rating: 4 }],
    minutesPerDay: 20,
    startDate,
  };
}

function activeProgramme(startDate: string): Programme {
  const programme = generateProgramme(profileStarting(startDate));
  if (programme.status !== 'active') throw new Error('the bench programme is blocked');
  return programme;
}

function questionnaires(odi: readonly number[], nprs: number, psfs: number) {
  const entry = (instrument: 'odi' | 'nprs' | 'psfs' | 'sbst', answers: readonly unknown[]) => ({
    instrument,
    answers,
    score: scoreInstrument(instrument, answers),
  });
  return [
    entry('odi', odi),
    entry('nprs', [nprs]),
    entry('sbst', [false, false, true, true, false, false, false, false, 2]),
    entry('psfs', [
      { activity: 'Gardening for an hour', rating: psfs },
      { activity: 'Sitting through a film', rating: psfs + 1 },
      { activity: 'Lifting the shopping', rating: psfs },
    ]),
  ];
}

/** The exercises of the programme week containing `day`, or none outside the programme. */
function exercisesOn(programme: Programme, day: string): string[] {
  const week = programme.weeks.find((entry) => entry.startDate <= day && day <= entry.endDate);
  return (week?.sessions ?? []).flatMap((session) => session.exercises.map((item) => item.id));
}

async function timed<T>(
  progress: ((message: string) => void) | undefined,
  label: string,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const result = await work();
  progress?.(`${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

/** Session settings for bulk generation only: the benchmark's server keeps the defaults. */
async function bulkSession(client: pg.PoolClient): Promise<void> {
  await client.query(`set synchronous_commit = off`);
  await client.query(`set work_mem = '256MB'`);
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query(`select setseed(0.42)`);
}

export async function generateClinic(pool: pg.Pool, size: ClinicSize): Promise<GeneratedClinic> {
  const { today, progress } = size;
  const client = await pool.connect();
  let released = false;
  try {
    await bulkSession(client);
    const programmes = Array.from({ length: START_OFFSETS }, (_, offset) =>
      activeProgramme(addDays(today, -offset)),
    );
    const history = activeProgramme(addDays(today, -HISTORY_START_DAYS_AGO));
    const screen = screenRedFlags({ region: 'lumbar', findings: noRedFlags });
    const baseline = questionnaires([3, 2, 3, 2, 3, 2, 2, 1, 2, 3], 7, 3);
    const followUp = questionnaires([2, 1, 2, 1, 1, 1, 1, 1, 1, 2], 4, 6);

    const clinicId = await timed(progress, 'clinic, clinicians, patients', async () => {
      const { rows } = await client.query<{ id: string }>(
        `insert into clinics (name) values ('Benchmark Clinic') returning id`,
      );
      const id = (rows[0] as { id: string }).id;
      await client.query(
        `insert into users (clinic_id, role, email, display_name)
         select $1, 'clinician', 'bench-clinician-' || i || '@example.org', 'Clinician ' || i
         from generate_series(0, $2::int - 1) i`,
        [id, Math.ceil(size.patients / size.caseloadSize)],
      );
      // One row per patient with every id it needs, so later inserts are joins, not look-ups.
      await client.query(`drop table if exists bench_patient`);
      await client.query(
        `create unlogged table bench_patient as
         select n, n % ${START_OFFSETS} as start_offset,
           gen_random_uuid() as id, c.id as clinician_id,
           gen_random_uuid() as episode_id, gen_random_uuid() as programme_id,
           gen_random_uuid() as old_episode_id, gen_random_uuid() as old_programme_id,
           0.35 + 0.65 * random() as adherence
         from generate_series(0, $1::int - 1) n
         join users c on c.email = 'bench-clinician-' || (n / $2::int) || '@example.org'`,
        [size.patients, size.caseloadSize],
      );
      await client.query(`create unique index on bench_patient (n)`);
      await client.query(
        `insert into patients (id, clinic_id, clinician_id, display_name, date_of_birth)
         select id, $1, clinician_id, 'Patient ' || lpad(n::text, 5, '0'),
           date '1950-01-01' + (n * 37 % 18000)
         from bench_patient`,
        [id],
      );
      return id;
    });

    await timed(progress, 'episodes, programmes, assessments, alerts', async () => {
      await client.query(`create temp table bench_content (start_offset int, content jsonb)`);
      await client.query(`insert into bench_content select * from unnest($1::int[], $2::jsonb[])`, [
        [...programmes.keys(), -1],
        [...programmes, history].map((programme) => JSON.stringify(programme)),
      ]);
      await client.query(
        `insert into episodes (id, patient_id, region, condition, started_on, status, discharged_on)
         select episode_id, id, 'lumbar'::region, 'Non-specific low back pain',
           $1::date - start_offset - 3, 'active'::episode_status, null from bench_patient
         union all
         select old_episode_id, id, 'lumbar'::region, 'Non-specific low back pain',
           $1::date - ${HISTORY_START_DAYS_AGO + 7}, 'discharged'::episode_status, $1::date - 380
         from bench_patient`,
        [today],
      );
      await client.query(
        `insert into programmes (id, episode_id, current_version, status)
         select programme_id, episode_id, 1, 'active'::programme_status from bench_patient
         union all
         select old_programme_id, old_episode_id, 1, 'completed'::programme_status
         from bench_patient`,
      );
      await client.query(
        `insert into programme_versions (programme_id, version, status, content, approved_by, approved_at)
         select b.programme_id, 1, 'active'::programme_status, c.content, b.clinician_id, $1::date - b.start_offset
         from bench_patient b join bench_content c on c.start_offset = b.start_offset
         union all
         select b.old_programme_id, 1, 'completed'::programme_status, c.content, b.clinician_id,
           $1::date - ${HISTORY_START_DAYS_AGO}
         from bench_patient b join bench_content c on c.start_offset = -1`,
        [today],
      );
      await client.query(
        `insert into assessments (episode_id, kind, assessed_at, questionnaires, red_flag_findings,
           red_flag_screen, created_by)
         select episode_id, 'baseline'::assessment_kind, ($1::date - start_offset - 3) + time '09:30',
           $2::jsonb, $3::jsonb, $4::jsonb, clinician_id from bench_patient
         union all
         -- A third of those past week 3 were reassessed; the rest are due.
         select episode_id, 'reassessment'::assessment_kind, ($1::date - start_offset + 19) + time '10:00',
           $5::jsonb, $3::jsonb, $4::jsonb, clinician_id
         from bench_patient where start_offset >= 21 and n % 3 = 0`,
        [
          today,
          JSON.stringify(baseline),
          JSON.stringify(noRedFlags),
          JSON.stringify(screen),
          JSON.stringify(followUp),
        ],
      );
      // Open alerts on some patients (a few urgent or emergency), resolved ones on everyone.
      await client.query(
        `insert into alerts (patient_id, clinic_id, type, severity, state, message, created_at,
           resolved_at, resolved_by)
         select id, $1::uuid, 'painFlare'::alert_type, 'warning'::alert_severity,
           'open'::alert_state, 'Pain after exercise rose for 3 sessions.',
           now() - (n % 9) * interval '1 day', null::timestamptz, null::uuid
         from bench_patient where n % 7 = 0
         union all
         select id, $1, 'stopAndScreen', 'urgent', 'open', 'A stop-and-screen decision needs review.',
           now() - (n % 5) * interval '1 hour', null, null
         from bench_patient where n % 41 = 0
         union all
         select id, $1, 'redFlagSymptom', 'emergency', 'open',
           'Red-flag symptom reported: numbness in the saddle area.', now() - interval '2 hours',
           null, null
         from bench_patient where n % 149 = 0
         union all
         select id, $1, 'nonAdherence', 'info', 'resolved', 'Sessions missed for a week.',
           now() - (30 + k) * interval '1 day', now() - (29 + k) * interval '1 day', clinician_id
         from bench_patient cross join generate_series(1, 2) k`,
        [clinicId],
      );
    });

    const recent = await timed(progress, 'recent session logs', async () => {
      // Every (start offset, day, exercise) the programmes prescribe up to yesterday.
      const prescribed = programmes.flatMap((programme, offset) =>
        Array.from({ length: offset }, (_, day) => addDays(programme.startDate, day)).flatMap(
          (day) => exercisesOn(programme, day).map((exerciseId) => ({ offset, day, exerciseId })),
        ),
      );
      await client.query(
        `create temp table bench_prescribed as
         select * from unnest($1::int[], $2::date[], $3::text[]) p(start_offset, day, exercise_id)`,
        [
          prescribed.map((entry) => entry.offset),
          prescribed.map((entry) => entry.day),
          prescribed.map((entry) => entry.exerciseId),
        ],
      );
      const { rowCount } = await client.query(
        `insert into session_logs (patient_id, programme_id, programme_version, exercise_id,
           performed_on, log, idempotency_key, created_at)
         select b.id, b.programme_id, 1, p.exercise_id, p.day,
           jsonb_build_object('date', p.day, 'exerciseId', p.exercise_id, 'setsDone', 2,
             'repsDone', 10, 'completed', 'done', 'painBefore', 3, 'painAfter', (b.n + extract(day from p.day)::int) % 4,
             'difficulty', 'moderate'),
           'bench-r-' || p.day || '-' || p.exercise_id, p.day + time '18:00'
         from bench_patient b
         join bench_prescribed p on p.start_offset = b.start_offset
         where random() < b.adherence`,
      );
      return rowCount ?? 0;
    });

    const logins = await timed(progress, 'patient log-ins', async () => {
      const { rows } = await client.query<{ userId: string; startOffset: number }>(
        `with chosen as (
           select b.id, b.start_offset, gen_random_uuid() as user_id from bench_patient b
           join users c on c.id = b.clinician_id
           where c.email = 'bench-clinician-0@example.org'
           order by b.n limit $2),
         created as (
           insert into users (id, clinic_id, role, display_name)
           select user_id, $1, 'patient', 'Bench patient' from chosen returning id)
         update patients p set user_id = chosen.user_id from chosen
         where p.id = chosen.id
         returning chosen.user_id as "userId", chosen.start_offset as "startOffset"`,
        [clinicId, size.patientLogins],
      );
      return rows;
    });

    const { rows: clinician } = await client.query<{ id: string }>(
      `select id from users where email = 'bench-clinician-0@example.org'`,
    );
    const clinic: GeneratedClinic = {
      clinicId,
      clinicianId: (clinician[0] as { id: string }).id,
      patients: logins.map((login) => {
        const programme = programmes[login.startOffset] as Programme;
        const [exerciseId] = exercisesOn(programme, today);
        if (exerciseId === undefined) throw new Error('no exercise today in a bench programme');
        return { userId: login.userId, exerciseId };
      }),
      logs: recent,
      today,
      historyExerciseIds: [
        ...new Set(history.weeks.flatMap((week) => exercisesOn(history, week.startDate))),
      ],
    };
    client.release();
    released = true;
    return await growLogs(pool, clinic, size.logs, progress);
  } finally {
    if (!released) client.release();
  }
}

/** Batches of patients per INSERT while growing the history, so progress shows. */
const HISTORY_BATCH_PATIENTS = 500;

/**
 * Adds history logs (on each patient's completed programme, before the current episode) until
 * the clinic has `total` session logs, then refreshes the statistics and visibility map.
 */
export async function growLogs(
  pool: pg.Pool,
  clinic: GeneratedClinic,
  total: number,
  progress?: (message: string) => void,
): Promise<GeneratedClinic> {
  const missing = total - clinic.logs;
  if (missing <= 0) return clinic;
  const client = await pool.connect();
  try {
    await bulkSession(client);
    const { rows } = await client.query<{ count: number }>(
      `select count(*)::int as count from bench_patient`,
    );
    const patients = (rows[0] as { count: number }).count;
    const each = Math.floor(missing / patients);
    const extra = missing % patients;
    // Keys continue after any history already there, so growing twice never collides.
    const { rows: offsetRows } = await client.query<{ offset: number }>(
      `select count(*)::int as offset from session_logs
       where idempotency_key like 'bench-h-%' and patient_id = (select id from bench_patient where n = 0)`,
    );
    const keyOffset = (offsetRows[0] as { offset: number }).offset;
    let added = 0;
    await timed(progress, `history session logs (+${missing.toLocaleString('en')})`, async () => {
      for (let from = 0; from < patients; from += HISTORY_BATCH_PATIENTS) {
        const { rowCount } = await client.query(
          `insert into session_logs (patient_id, programme_id, programme_version, exercise_id,
             performed_on, log, idempotency_key, created_at)
           select b.id, b.old_programme_id, 1, x.exercise_id, x.day,
             jsonb_build_object('date', x.day, 'exerciseId', x.exercise_id, 'setsDone', 3,
               'repsDone', 8, 'completed', 'done', 'painBefore', 2, 'painAfter', (j % 4),
               'difficulty', 'easy'),
             'bench-h-' || ($5::int + j), x.day + time '07:30'
           from bench_patient b
           cross join lateral generate_series(1, $1::int + (b.n < $2::int)::int) j
           cross join lateral (select
             $3::date - ${HISTORY_START_DAYS_AGO - 40} - (j % ${HISTORY_SPAN_DAYS}) as day,
             ($6::text[])[1 + j % cardinality($6::text[])] as exercise_id) x
           where b.n >= $4::int and b.n < $4::int + ${HISTORY_BATCH_PATIENTS}`,
          [each, extra, clinic.today, from, keyOffset, clinic.historyExerciseIds],
        );
        added += rowCount ?? 0;
        // Growing tenfold takes minutes: show it moving.
        if (missing >= 2_000_000) {
          progress?.(`  ${added.toLocaleString('en')} of ${missing.toLocaleString('en')}`);
        }
      }
    });
    await timed(progress, 'vacuum analyze, checkpoint', async () => {
      await client.query(`vacuum analyze session_logs`);
      await client.query(`analyze`);
      // Write the generated pages out now, not while the next measurement runs (an external
      // database may not grant CHECKPOINT; the run goes on without it).
      await client.query(`checkpoint`).catch(() => undefined);
    });
    return { ...clinic, logs: clinic.logs + added };
  } finally {
    client.release();
  }
}
