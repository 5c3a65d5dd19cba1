/**
 * The camera coach in the patient chart: coached sessions (from the session logs, shared with
 * the pain chart's query) and range-of-motion trends, each with loading, error and empty states.
 */
import { useQuery } from '@tanstack/react-query';
import { ErrorState, LoadingState } from '../ui/states.js';
import { fetchLogs, logsQueryKey } from './chart-api.js';
import { coachedLogs, fetchRom, romQueryKey } from './coach-api.js';
import { CoachPanel } from './coach-panel.js';
import { RomTrends } from './rom-chart.js';
import './coach.css';

export function CoachSections({ patientId }: { readonly patientId: string }) {
  const logs = useQuery({
    queryKey: logsQueryKey(patientId),
    queryFn: ({ signal }) => fetchLogs(patientId, signal),
  });
  const rom = useQuery({
    queryKey: romQueryKey(patientId),
    queryFn: ({ signal }) => fetchRom(patientId, signal),
  });
  return (
    <>
      <section className="panel" aria-labelledby="coached-heading">
        <h2 id="coached-heading">Coached sessions</h2>
        {logs.isPending ? (
          <LoadingState label="Loading coached sessions" />
        ) : logs.isError ? (
          <ErrorState title="The coached sessions could not be loaded" error={logs.error} />
        ) : (
          <CoachPanel logs={coachedLogs(logs.data.logs)} />
        )}
      </section>
      <section className="panel" aria-labelledby="rom-heading">
        <h2 id="rom-heading">Range of motion</h2>
        {rom.isPending ? (
          <LoadingState label="Loading range of motion" />
        ) : rom.isError ? (
          <ErrorState title="The range of motion could not be loaded" error={rom.error} />
        ) : (
          <RomTrends list={rom.data} />
        )}
      </section>
    </>
  );
}
