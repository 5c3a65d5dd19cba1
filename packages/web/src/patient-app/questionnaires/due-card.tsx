/** "Questionnaires to fill in (N)" on the patient's day, when the clinic is waiting for some. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { buttonClass } from '../../ui/button.js';
import { fetchMyQuestionnaires, myQuestionnairesQueryKey } from './questionnaires-api.js';
import './questionnaires.css';

export function QuestionnairesDueCard() {
  const mine = useQuery({
    queryKey: myQuestionnairesQueryKey,
    queryFn: ({ signal }) => fetchMyQuestionnaires(signal),
  });
  // Nothing due (or not known yet, or offline): the day's page has enough to say.
  const due = mine.data?.due.length ?? 0;
  if (due === 0) return null;
  return (
    <section className="panel qn-due-card" aria-labelledby="qn-due-heading">
      <h2 id="qn-due-heading">Questionnaires to fill in ({due})</h2>
      <p>Your clinician would like to know how you are getting on. It takes a few minutes.</p>
      <Link className={buttonClass('primary', 'qn-big-button')} to="/app/questionnaires">
        Fill them in
      </Link>
    </section>
  );
}
