/**
 * `/app/questionnaires`: what the clinic asked the patient to fill in, with the clinician's
 * message and the day it is due, and what they have already sent.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatMoment, localToday } from '../../format/dates.js';
import { buttonClass } from '../../ui/button.js';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.js';
import { hasDraft } from './draft.js';
import {
  dueInWords,
  fetchMyQuestionnaires,
  myQuestionnairesQueryKey,
  plainInstrumentNames,
  type QuestionnaireRequest,
} from './questionnaires-api.js';
import { ResultList } from './results.js';
import './questionnaires.css';

function DueRequest({ request }: { readonly request: QuestionnaireRequest }) {
  const started = hasDraft(request.id);
  const headingId = `qn-${request.id}`;
  return (
    <li className="qn-card" aria-labelledby={headingId}>
      <h3 id={headingId}>From {request.requestedByName}</h3>
      <p className="qn-due">{dueInWords(request.dueOn, localToday())}</p>
      {request.message === null ? null : (
        <blockquote className="qn-message">{request.message}</blockquote>
      )}
      <ul className="qn-topics">
        {request.instruments.map((id) => (
          <li key={id}>{plainInstrumentNames[id]}</li>
        ))}
      </ul>
      <Link
        className={buttonClass('primary', 'qn-big-button')}
        to={`/app/questionnaires/${encodeURIComponent(request.id)}`}
      >
        {started ? 'Carry on' : 'Start'}{' '}
        <span className="visually-hidden">the questionnaires from {request.requestedByName}</span>
      </Link>
    </li>
  );
}

export function QuestionnairesPage() {
  const mine = useQuery({
    queryKey: myQuestionnairesQueryKey,
    queryFn: ({ signal }) => fetchMyQuestionnaires(signal),
  });
  return (
    <>
      <title>Questionnaires · Spinewise</title>
      <header className="page-header">
        <div className="page-back">
          <Link to="/app">Back to today</Link>
        </div>
        <h1 className="page-title" tabIndex={-1}>
          Questionnaires
        </h1>
        <p className="page-lead">Your answers help your clinician see how you are getting on.</p>
      </header>
      {mine.isPending ? (
        <LoadingState label="Loading your questionnaires" />
      ) : mine.isError ? (
        <ErrorState
          title="Your questionnaires could not be loaded"
          error={mine.error}
          onRetry={() => {
            void mine.refetch();
          }}
        />
      ) : (
        <>
          <section aria-labelledby="qn-due-list-heading">
            <h2 id="qn-due-list-heading">To fill in</h2>
            {mine.data.due.length === 0 ? (
              <EmptyState title="Nothing to fill in right now">
                <p>When your clinician sends you questions, they will show up here.</p>
              </EmptyState>
            ) : (
              <ul className="qn-list">
                {mine.data.due.map((request) => (
                  <DueRequest key={request.id} request={request} />
                ))}
              </ul>
            )}
          </section>
          {mine.data.completed.length === 0 ? null : (
            <section aria-labelledby="qn-done-heading">
              <h2 id="qn-done-heading">Already sent</h2>
              <ul className="qn-list">
                {mine.data.completed.map((request) => (
                  <li key={request.id} className="qn-card qn-card--done">
                    <p className="qn-due">
                      Sent {request.completedAt === null ? '' : formatMoment(request.completedAt)}
                    </p>
                    {request.results === null ? null : <ResultList results={request.results} />}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}
