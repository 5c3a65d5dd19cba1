/** Every patient of the clinician (or the clinic), with their episode and whether they use the app. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDay } from '../format/dates.js';
import { Button, ButtonLink } from '../ui/button.js';
import { TextField } from '../ui/form.js';
import { PageHeader } from '../ui/page.js';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.js';
import { conditionLabel, regionLabel } from './conditions.js';
import { fetchPatients, patientsQueryKey, type PatientScope } from './patients-api.js';

export function PatientsPage() {
  const [params, setParams] = useSearchParams();
  const scope: PatientScope = params.get('scope') === 'clinic' ? 'clinic' : 'mine';
  const search = params.get('q') ?? '';
  const patients = useQuery({
    queryKey: patientsQueryKey(scope),
    queryFn: ({ signal }) => fetchPatients(scope, signal),
  });

  const filtered = useMemo(() => {
    const words = search.toLocaleLowerCase('en-GB').split(/\s+/u).filter(Boolean);
    return (patients.data ?? []).filter((patient) => {
      const name = patient.displayName.toLocaleLowerCase('en-GB');
      return words.every((word) => name.includes(word));
    });
  }, [patients.data, search]);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };

  return (
    <>
      <title>Patients · Spinewise</title>
      <PageHeader
        title="Patients"
        lead={
          scope === 'mine' ? 'The patients you are responsible for.' : 'Everyone in the clinic.'
        }
        actions={<ButtonLink to="/patients/new">New patient</ButtonLink>}
      />
      <section className="panel" aria-label="Patient list">
        <div className="filters" role="search" aria-label="Search patients">
          <TextField
            name="q"
            type="search"
            label="Search by name"
            required={false}
            autoComplete="off"
            width="medium"
            value={search}
            onChange={(event) => {
              setParam('q', event.currentTarget.value);
            }}
          />
          <Button
            variant="quiet"
            onClick={() => {
              setParam('scope', scope === 'mine' ? 'clinic' : null);
            }}
          >
            {scope === 'mine' ? 'Show the whole clinic' : 'Show only mine'}
          </Button>
        </div>
        {patients.isPending ? (
          <LoadingState label="Loading patients" />
        ) : patients.isError ? (
          <ErrorState
            title="The patients could not be loaded"
            error={patients.error}
            onRetry={() => {
              void patients.refetch();
            }}
          />
        ) : patients.data.length === 0 ? (
          <EmptyState
            title="No patients yet"
            action={<ButtonLink to="/patients/new">Add a patient</ButtonLink>}
          />
        ) : (
          <>
            <p className="results-count" role="status">
              {filtered.length === patients.data.length
                ? `${filtered.length} ${filtered.length === 1 ? 'patient' : 'patients'}`
                : `${filtered.length} of ${patients.data.length} patients match`}
            </p>
            {filtered.length === 0 ? (
              <EmptyState title="No patients match">
                <p>Try another name.</p>
              </EmptyState>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Patients</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Episode of care</th>
                      <th scope="col">Since</th>
                      <th scope="col">Programme app</th>
                    </tr>
                  </thead>
                  <tbody>
                    {filtered.map((patient) => (
                      <tr key={patient.id}>
                        <th scope="row">
                          <Link to={`/patients/${patient.id}`}>{patient.displayName}</Link>
                        </th>
                        <td>
                          {patient.activeEpisode === null
                            ? 'None active'
                            : `${conditionLabel(patient.activeEpisode.condition)} · ${regionLabel(patient.activeEpisode.region)}`}
                        </td>
                        <td>
                          {patient.activeEpisode === null
                            ? '—'
                            : formatDay(patient.activeEpisode.startedOn)}
                        </td>
                        <td>{patient.hasLogin ? 'Signed up' : 'Not yet invited or signed up'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}
