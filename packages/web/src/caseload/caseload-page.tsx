/**
 * Journey 1, the caseload: after log-in, the clinician's patients with those needing attention
 * first (the server's order: open alerts by severity, then reassessments due, then by name),
 * the alerts to act on, and search and filters kept in the address so Back returns to them.
 */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AlertsPanel } from '../alerts/alerts-panel.js';
import { SeverityBadge } from '../alerts/severity-badge.js';
import { formatDay, formatLongDay } from '../format/dates.js';
import { conditionLabel, regionLabel } from '../patients/conditions.js';
import { Button, ButtonLink } from '../ui/button.js';
import { Checkbox, TextField } from '../ui/form.js';
import { PageHeader } from '../ui/page.js';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.js';
import {
  caseloadQueryKey,
  clinicCaseloadQueryKey,
  CLINIC_PAGE_SIZE,
  fetchCaseload,
  fetchClinicCaseloadPage,
  nextClinicOffset,
  type CaseloadEntry,
  type CaseloadScope,
} from './caseload-api.js';
import {
  adherenceMeasure,
  disabilityMeasure,
  filterCaseload,
  lastLogMeasure,
  painMeasure,
  programmeSummary,
  type Measure,
} from './measures.js';

/** Cards drawn at first; a big clinic's list grows on request instead of all at once. */
export const CASELOAD_PAGE_SIZE = 50;

function MeasureItem({ label, measure }: { readonly label: string; readonly measure: Measure }) {
  return (
    <div className={`measure measure--${measure.tone}`}>
      <dt>{label}</dt>
      <dd>
        <span className="measure-value">{measure.value}</span>
        {measure.detail === undefined ? null : (
          <span className="measure-detail">{measure.detail}</span>
        )}
      </dd>
    </div>
  );
}

function CaseloadCard({ entry, today }: { readonly entry: CaseloadEntry; readonly today: string }) {
  const headingId = `patient-${entry.patient.id}`;
  const disability = disabilityMeasure(entry);
  const { alerts } = entry;
  return (
    <li className="caseload-card">
      <article aria-labelledby={headingId}>
        <div className="caseload-card-head">
          <div>
            <h3 id={headingId} className="caseload-card-name">
              <Link to={`/patients/${entry.patient.id}`}>{entry.patient.displayName}</Link>
            </h3>
            <p className="caseload-card-sub">
              {entry.episode === null
                ? 'No episode of care yet'
                : `${conditionLabel(entry.episode.condition)} · ${regionLabel(entry.episode.region)}`}
              {' · '}
              {programmeSummary(entry)}
            </p>
          </div>
          <div className="caseload-card-flags">
            {alerts.worstSeverity === null ? null : (
              <span className="flag">
                <SeverityBadge severity={alerts.worstSeverity} />
                <span className="flag-text">
                  {alerts.open === 1 ? '1 open alert' : `${alerts.open} open alerts`}
                </span>
              </span>
            )}
            {entry.reassessment === null ? null : (
              <span className="tag tag--due">
                Reassessment due since {formatDay(entry.reassessment.dueOn)}
              </span>
            )}
          </div>
        </div>
        {alerts.newest[0] === undefined ? null : (
          <p className="caseload-card-alert">{alerts.newest[0].message}</p>
        )}
        <dl className="measures">
          <MeasureItem label="Adherence, 14 days" measure={adherenceMeasure(entry)} />
          <MeasureItem label="Latest pain" measure={painMeasure(entry)} />
          <MeasureItem label={disability.label} measure={disability} />
          <MeasureItem label="Last log" measure={lastLogMeasure(entry, today)} />
        </dl>
      </article>
    </li>
  );
}

/** What the list shows: whose patients, the search and the filters. */
interface View {
  readonly scope: CaseloadScope;
  readonly search: string;
  readonly alertsOnly: boolean;
  readonly reassessmentDue: boolean;
}

export function viewFromAddress(params: URLSearchParams): View {
  return {
    scope: params.get('scope') === 'clinic' ? 'clinic' : 'mine',
    search: params.get('q') ?? '',
    alertsOnly: params.get('alerts') === '1',
    reassessmentDue: params.get('due') === '1',
  };
}

export function addressOf(view: View): URLSearchParams {
  const params = new URLSearchParams();
  if (view.scope === 'clinic') params.set('scope', 'clinic');
  if (view.search !== '') params.set('q', view.search);
  if (view.alertsOnly) params.set('alerts', '1');
  if (view.reassessmentDue) params.set('due', '1');
  return params;
}

/** The line above the list: how many are shown out of how many. */
function resultsCount(matching: number, everyone: number | null, filtering: boolean): string {
  const patients = (count: number) => `${count} ${count === 1 ? 'patient' : 'patients'}`;
  if (everyone === null) {
    return filtering ? `${patients(matching)} match` : `${patients(matching)} in the clinic`;
  }
  return matching === everyone
    ? `Showing all ${patients(matching)}`
    : `Showing ${matching} of ${patients(everyone)}`;
}

/** `value`, once it has stayed the same for `ms` milliseconds. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, ms);
    return () => {
      clearTimeout(timer);
    };
  }, [value, ms]);
  return settled;
}

export function CaseloadPage() {
  const [params, setParams] = useSearchParams();
  // The view is this page's own state, so the search box follows every keystroke at once; the
  // address keeps a copy, so a link, a reload or a return to the page brings the view back.
  const [view, setView] = useState(() => viewFromAddress(params));
  const { scope, search, alertsOnly, reassessmentDue } = view;
  const [shown, setShown] = useState(CASELOAD_PAGE_SIZE);
  // The whole clinic is searched on the server: ask once typing pauses, not at every key.
  const clinicSearch = useSettled(search.trim(), 250);

  const mine = useQuery({
    queryKey: caseloadQueryKey,
    queryFn: ({ signal }) => fetchCaseload(signal),
    enabled: scope === 'mine',
  });
  const clinicFilter = { search: clinicSearch, alertsOnly, reassessmentDue };
  const clinic = useInfiniteQuery({
    queryKey: clinicCaseloadQueryKey(clinicFilter),
    queryFn: ({ pageParam, signal }) => fetchClinicCaseloadPage(clinicFilter, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: nextClinicOffset,
    enabled: scope === 'clinic',
    // A new search keeps the last list on screen until its answer arrives.
    placeholderData: keepPreviousData,
  });
  const caseload = scope === 'mine' ? mine : clinic;

  const mineFiltered = useMemo(
    () =>
      mine.data === undefined
        ? []
        : filterCaseload(mine.data.patients, { search, alertsOnly, reassessmentDue }),
    [mine.data, search, alertsOnly, reassessmentDue],
  );
  const clinicEntries = useMemo(
    () => clinic.data?.pages.flatMap((page) => page.patients) ?? [],
    [clinic.data],
  );
  const firstClinicPage = clinic.data?.pages[0];
  const listing =
    scope === 'mine'
      ? mine.data === undefined
        ? undefined
        : {
            today: mine.data.today,
            everyone: mine.data.patients.length,
            matching: mineFiltered.length,
            entries: mineFiltered.slice(0, shown),
            withAlerts: mine.data.patients.filter((entry) => entry.alerts.open > 0).length,
            due: mine.data.patients.filter((entry) => entry.reassessment !== null).length,
            more: Math.min(CASELOAD_PAGE_SIZE, mineFiltered.length - shown),
          }
      : firstClinicPage === undefined
        ? undefined
        : {
            today: firstClinicPage.today,
            everyone: null,
            matching: firstClinicPage.total,
            entries: clinicEntries,
            withAlerts: firstClinicPage.withAlerts,
            due: firstClinicPage.reassessmentsDue,
            more: clinic.hasNextPage
              ? Math.min(CLINIC_PAGE_SIZE, firstClinicPage.total - clinicEntries.length)
              : 0,
          };
  const filtering = search.trim() !== '' || alertsOnly || reassessmentDue;
  const patientNames = useMemo(
    () =>
      new Map(
        (scope === 'mine' ? (mine.data?.patients ?? []) : clinicEntries).map((entry) => [
          entry.patient.id,
          entry.patient.displayName,
        ]),
      ),
    [scope, mine.data, clinicEntries],
  );

  const update = (change: Partial<View>) => {
    const next = { ...view, ...change };
    setView(next);
    setShown(CASELOAD_PAGE_SIZE);
    setParams(addressOf(next), { replace: true });
  };

  return (
    <>
      <title>Caseload · Spinewise</title>
      <PageHeader
        title="Caseload"
        lead={
          listing === undefined
            ? undefined
            : `${formatLongDay(listing.today)}. ${scope === 'mine' ? 'Your patients' : 'Everyone in the clinic'}, those needing attention first.`
        }
        actions={<ButtonLink to="/patients/new">New patient</ButtonLink>}
      />

      {listing === undefined && caseload.isPending ? (
        <LoadingState label="Loading your caseload" />
      ) : listing === undefined ? (
        <ErrorState
          title="Your caseload could not be loaded"
          error={caseload.error}
          onRetry={() => {
            void caseload.refetch();
          }}
        />
      ) : (
        <div className="caseload">
          <AlertsPanel
            patientNames={patientNames}
            {...(scope === 'mine'
              ? {
                  onShowClinic: () => {
                    update({ scope: 'clinic' });
                  },
                }
              : {})}
          />

          <section className="panel" aria-labelledby="patients-heading">
            <div className="panel-header">
              <h2 id="patients-heading">
                Patients <span className="count">({listing.everyone ?? listing.matching})</span>
              </h2>
              <p className="panel-summary">
                {listing.withAlerts} with open alerts · {listing.due}{' '}
                {listing.due === 1 ? 'reassessment' : 'reassessments'} due
              </p>
            </div>

            <div className="filters" role="search" aria-label="Search and filter patients">
              <TextField
                name="q"
                type="search"
                label="Search by name"
                optional={false}
                required={false}
                autoComplete="off"
                width="medium"
                value={search}
                onChange={(event) => {
                  update({ search: event.currentTarget.value });
                }}
              />
              <fieldset className="filters-group">
                <legend>Show only</legend>
                <Checkbox
                  label="Patients with open alerts"
                  checked={alertsOnly}
                  onChange={(event) => {
                    update({ alertsOnly: event.currentTarget.checked });
                  }}
                />
                <Checkbox
                  label="Reassessment due"
                  checked={reassessmentDue}
                  onChange={(event) => {
                    update({ reassessmentDue: event.currentTarget.checked });
                  }}
                />
              </fieldset>
              <fieldset className="filters-group">
                <legend>Whose patients</legend>
                <div className="segmented">
                  {(['mine', 'clinic'] as const).map((option) => (
                    <label key={option} className="segmented-option">
                      <input
                        type="radio"
                        name="scope"
                        value={option}
                        checked={scope === option}
                        onChange={() => {
                          update({ scope: option });
                        }}
                      />
                      <span>{option === 'mine' ? 'Mine' : 'Whole clinic'}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>

            <p className="results-count" role="status">
              {resultsCount(listing.matching, listing.everyone, filtering)}
            </p>
            {caseload.isError ? (
              <ErrorState
                title="The list could not be brought up to date"
                error={caseload.error}
                onRetry={() => {
                  void caseload.refetch();
                }}
              />
            ) : null}

            {listing.matching === 0 && !filtering ? (
              <EmptyState
                title={
                  scope === 'mine' ? 'You have no patients yet' : 'The clinic has no patients yet'
                }
                action={<ButtonLink to="/patients/new">Add your first patient</ButtonLink>}
              >
                <p>When you add a patient, they appear here with their alerts and progress.</p>
              </EmptyState>
            ) : listing.matching === 0 ? (
              <EmptyState
                title="No patients match"
                action={
                  <Button
                    variant="secondary"
                    onClick={() => {
                      update({ search: '', alertsOnly: false, reassessmentDue: false });
                    }}
                  >
                    Clear search and filters
                  </Button>
                }
              >
                <p>Try another name, or show everyone.</p>
              </EmptyState>
            ) : (
              <>
                <ul className="caseload-list">
                  {listing.entries.map((entry) => (
                    <CaseloadCard key={entry.patient.id} entry={entry} today={listing.today} />
                  ))}
                </ul>
                {listing.more > 0 ? (
                  <div className="list-more">
                    <Button
                      variant="secondary"
                      disabled={clinic.isFetchingNextPage}
                      onClick={() => {
                        if (scope === 'mine') setShown((count) => count + CASELOAD_PAGE_SIZE);
                        else void clinic.fetchNextPage();
                      }}
                    >
                      {clinic.isFetchingNextPage ? 'Loading more…' : `Show ${listing.more} more`}
                    </Button>
                  </div>
                ) : null}
              </>
            )}
          </section>
        </div>
      )}
    </>
  );
}
