/**
 * Every address of the app, and the frame each one is drawn in. A route's loader starts its
 * page's requests as the navigation starts — alongside the session check on a first visit,
 * not after it — and returns at once: the page shows its own loading state from the cache.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { activeAlertsQueryKey, fetchActiveAlerts } from '../alerts/alerts-api.js';
import { caseloadQueryKey, fetchCaseload } from '../caseload/caseload-api.js';
import { CaseloadPage } from '../caseload/caseload-page.js';
import { JoinPage } from '../invitations/join-page.js';
import { ExercisePage } from '../library/exercise-page.js';
import { LibraryPage } from '../library/library-page.js';
import { PatientLayout } from '../patient-app/patient-layout.js';
import { TodayPage } from '../patient-app/today-page.js';
import { NewPatientPage } from '../patients/new-patient-page.js';
import { PatientPage } from '../patients/patient-page.js';
import { PatientsPage } from '../patients/patients-page.js';
import { ProgrammePage } from '../programmes/programme-page.js';
import { ProgrammePrintPage } from '../programmes/programme-print-page.js';
import { LoginPage } from '../session/login-page.js';
import { HomeRedirect, RequirePatient, RequireStaff } from '../session/session.js';
import { ConsoleLayout } from './console-layout.js';
import { NotFoundPage, RouteErrorPage } from './not-found-page.js';
import { LoadingState } from '../ui/states.js';
import { PublicLayout } from './public-layout.js';

/** `/caseload`: the patients (in the scope the address names) and the alerts. */
function prefetchCaseload(client: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const scope = new URL(request.url).searchParams.get('scope') === 'clinic' ? 'clinic' : 'mine';
    // A failure is the page's to show (its query has the error); nothing to do here.
    const ignore = () => undefined;
    void client
      .query({
        queryKey: caseloadQueryKey(scope),
        queryFn: ({ signal }) => fetchCaseload(scope, signal),
      })
      .catch(ignore);
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
      // Loaders return at once; this shows only for the instant before the first page.
      hydrateFallbackElement: <LoadingState label="Opening Spinewise" />,
      children: [
        { index: true, element: <HomeRedirect /> },
        {
          element: <PublicLayout />,
          children: [
            { path: 'login', element: <LoginPage /> },
            { path: 'join', element: <JoinPage /> },
          ],
        },
        {
          element: (
            <RequireStaff>
              <ConsoleLayout />
            </RequireStaff>
          ),
          children: [
            { path: 'caseload', element: <CaseloadPage />, loader: prefetchCaseload(client) },
            { path: 'patients', element: <PatientsPage /> },
            { path: 'patients/new', element: <NewPatientPage /> },
            { path: 'patients/:patientId', element: <PatientPage /> },
            {
              path: 'patients/:patientId/episodes/:episodeId/assess',
              // Its own chunk: the flow carries the clinical core's screening questions.
              lazy: async () => ({
                Component: (await import('../assessment/new-assessment-page.js')).NewAssessmentPage,
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
              // Its own chunk: the charts and the clinical core's MCID figures.
              lazy: async () => ({
                Component: (await import('../chart/chart-page.js')).ChartPage,
              }),
            },
            { path: 'library', element: <LibraryPage /> },
            { path: 'library/:exerciseId', element: <ExercisePage /> },
            { path: 'programmes/:programmeId', element: <ProgrammePage /> },
            { path: 'programmes/:programmeId/print', element: <ProgrammePrintPage /> },
          ],
        },
        {
          element: (
            <RequirePatient>
              <PatientLayout />
            </RequirePatient>
          ),
          children: [{ path: 'app', element: <TodayPage /> }],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}
