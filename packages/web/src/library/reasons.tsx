/** Safety reasons as the clinical core gives them: the words, then the source ids. */
import type { SafetyReason } from '@spinewise/clinical';

export function Sources({ ids }: { readonly ids: readonly string[] }) {
  if (ids.length === 0) return null;
  return <span className="library-sources"> [{ids.join('] [')}]</span>;
}

export function Reasons({ reasons }: { readonly reasons: readonly SafetyReason[] }) {
  return (
    <ul className="library-list">
      {reasons.map((reason) => (
        <li key={reason.rule}>
          {reason.text}
          <Sources ids={reason.sources} />
        </li>
      ))}
    </ul>
  );
}
