/**
 * Every address of the app, and the frame each one is drawn in. A route's loader starts its
 * page's requests as the navigation starts — alongside the session check on a first visit,
 * not after it — and returns at once: the page shows its own loading state from the cache.
 *
 * Every page is its own chunk, loaded when its address is first opened: a patient's phone
 * downloads the patient app and never the clinician console, and the console's first screen
 * does not wait for the assessment flow or the charts.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { activeAlertsQueryKey, fetchActiveAlerts } from '../alerts/alerts-api.js';
import {
  caseloadQueryKey,
  clinicCaseloadQueryKey,
  fetchCaseload,
  fetchClinicCaseloadPage,
} from '../caseload/caseload-api.js';
import { LoginPage } from '../session/login-page.js';
import { prefetchToday } from '../patient-app/today-api.js';
import { fetchSession, sessionQueryKey } from '../session/session-api.js';
import { HomeRedirect, RequirePatient, RequireStaff } from '../session/session.js';
import { NotFoundPage, RouteErrorPage } from './not-found-page.js';
import { LoadingState } from '../ui/states.js';
import { PublicLayout } from './public-layout.js';

/** `/caseload`: the patients (in the scope the address names) and the alerts. */
function prefetchCaseload(client: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const params = new URL(request.url).searchParams;
    // A failure is the page's to show (its query has the error); nothing to do here.
    const ignore = () => undefined;
    if (params.get('scope') === 'clinic') {
      const filter = {
        search: (params.get('q') ?? '').trim(),
        alertsOnly: params.get('alerts') === '1',
        reassessmentDue: params.get('due') === '1',
      };
      void client
        .infiniteQuery({
          queryKey: clinicCaseloadQueryKey(filter),
          queryFn: ({ pageParam, signal }) => fetchClinicCaseloadPage(filter, pageParam, signal),
          initialPageParam: 0,
        })
        .catch(ignore);
    } else {
      void client
        .query({ queryKey: caseloadQueryKey, queryFn: ({ signal }) => fetchCaseload(signal) })
        .catch(ignore);
    }
    void client
      .query({ queryKey: activeAlertsQueryKey, queryFn: ({ signal }) => fetchActiveAlerts(signal) })
      .catch(ignore);
    return null;
  };
}

export function createRoutes(client: QueryClient): RouteObject[] {
  return [
    {
      errorElement: <RouteErrorPage />,
      // Who is signed in is asked as the navigation starts, alongside the page's own chunks.
      loader: () => {
        void client
          .query({
            queryKey: sessionQueryKey,
            queryFn: ({ signal }) => fetchSession(signal),
            staleTime: Infinity,
          })
          .catch(() => undefined);
        return null;
      },
      // Once, on the first load: a page that keeps its state in the address (search, filters)
      // must not wait for this on every keystroke.
      shouldRevalidate: () => false,
      // Loaders return at once; this shows only for the instant before the first page.
      hydrateFallbackElement: <LoadingState label="Opening Spinewise" />,
      children: [
        { index: true, element: <HomeRedirect /> },
        {
          element: <PublicLayout />,
          children: [
            { path: 'login', element: <LoginPage /> },
            {
              path: 'join',
              lazy: async () => ({
                Component: (await import('../invitations/join-page.js')).JoinPage,
              }),
            },
          ],
        },
        {
          element: <RequireStaff />,
          children: [
            {
              lazy: async () => ({
                Component: (await import('./console-layout.js')).ConsoleLayout,
              }),
              children: [
                {
                  path: 'caseload',
                  loader: prefetchCaseload(client),
                  lazy: async () => ({
                    Component: (await import('../caseload/caseload-page.js')).CaseloadPage,
                  }),
                },
                {
                  path: 'patients',
                  lazy: async () => ({
                    Component: (await import('../patients/patients-page.js')).PatientsPage,
                  }),
                },
                {
                  path: 'patients/new',
                  lazy: async () => ({
                    Component: (await import('../patients/new-patient-page.js')).NewPatientPage,
                  }),
                },
                {
                  path: 'patients/:patientId',
                  lazy: async () => ({
                    Component: (await import('../patients/patient-page.js')).PatientPage,
                  }),
                },
                {
                  path: 'patients/:patientId/episodes/:episodeId/assess',
                  lazy: async () => ({
                    Component: (await import('../assessment/new-assessment-page.js'))
                      .NewAssessmentPage,
                  }),
                },
                {
                  path: 'patients/:patientId/assessments/:assessmentId',
                  lazy: async () => ({
                    Component: (await import('../assessment/assessment-detail-page.js'))
                      .AssessmentDetailPage,
                  }),
                },
                {
                  path: 'patients/:patientId/chart',
                  lazy: async () => ({
                    Component: (await import('../chart/chart-page.js')).ChartPage,
                  }),
                },
                {
                  path: 'library',
                  lazy: async () => ({
                    Component: (await import('../library/library-page.js')).LibraryPage,
                  }),
                },
                {
                  path: 'library/:exerciseId',
                  lazy: async () => ({
                    Component: (await import('../library/exercise-page.js')).ExercisePage,
                  }),
                },
                {
                  path: 'programmes/:programmeId',
                  lazy: async () => ({
                    Component: (await import('../programmes/programme-page.js')).ProgrammePage,
                  }),
                },
                {
                  path: 'programmes/:programmeId/print',
                  lazy: async () => ({
                    Component: (await import('../programmes/programme-print-page.js'))
                      .ProgrammePrintPage,
                  }),
                },
              ],
            },
          ],
        },
        {
          element: <RequirePatient />,
          children: [
            {
              lazy: async () => ({
                Component: (await import('../patient-app/patient-layout.js')).PatientLayout,
              }),
              children: [
                {
                  path: 'app',
                  // Static, so today's programme is asked for before the page's chunk arrives.
                  loader: prefetchToday(client),
                  shouldRevalidate: () => false,
                  lazy: async () => ({
                    Component: (await import('../patient-app/today-page.js')).TodayPage,
                  }),
                },
                {
                  path: 'app/questionnaires',
                  lazy: async () => ({
                    Component: (
                      await import('../patient-app/questionnaires/questionnaires-page.js')
                    ).QuestionnairesPage,
                  }),
                },
                {
                  path: 'app/questionnaires/:requestId',
                  lazy: async () => ({
                    Component: (await import('../patient-app/questionnaires/questionnaire-page.js'))
                      .QuestionnairePage,
                  }),
                },
                {
                  path: 'app/symptoms',
                  lazy: async () => ({
                    Component: (await import('../patient-app/safety/something-wrong-page.js'))
                      .SomethingWrongPage,
                  }),
                },
                {
                  path: 'app/learn',
                  lazy: async () => ({
                    Component: (await import('../patient-app/learn/learn-page.js')).LearnPage,
                  }),
                },
                {
                  path: 'app/learn/:lessonId',
                  lazy: async () => ({
                    Component: (await import('../patient-app/learn/lesson-page.js')).LessonPage,
                  }),
                },
                {
                  path: 'app/progress',
                  lazy: async () => ({
                    Component: (await import('../patient-app/progress/progress-page.js'))
                      .ProgressPage,
                  }),
                },
                {
                  path: 'app/flare-up',
                  lazy: async () => ({
                    Component: (await import('../patient-app/safety/flare-up-page.js')).FlareUpPage,
                  }),
                },
                {
                  path: 'app/welcome',
                  lazy: async () => ({
                    Component: (await import('../patient-app/welcome/welcome-page.js')).WelcomePage,
                  }),
                },
                {
                  path: 'app/coach/range',
                  lazy: async () => ({
                    Component: (await import('../patient-app/coach/range-page.js')).RangePage,
                  }),
                },
                {
                  path: 'app/coach/:exerciseId',
                  lazy: async () => ({
                    Component: (await import('../patient-app/coach/coach-page.js')).CoachPage,
                  }),
                },
                {
                  path: 'app/settings',
                  lazy: async () => ({
                    Component: (await import('../patient-app/settings/settings-page.js'))
                      .SettingsPage,
                  }),
                },
              ],
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}
