/** The patient's results in plain words: what each questionnaire was about and what it shows. */
import { plainInstrumentNames, resultInWords, type RequestResult } from './questionnaires-api.js';

export function ResultList({ results }: { readonly results: readonly RequestResult[] }) {
  return (
    <ul className="qn-results">
      {results.map((result) => (
        <li key={result.instrument}>
          <strong>{plainInstrumentNames[result.instrument]}</strong>
          <span>{resultInWords(result.score)}</span>
        </li>
      ))}
    </ul>
  );
}
