/** The patient's timeline: assessments, programme versions, weeks of logs, notes and alerts. */
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDay } from '../format/dates.js';
import { Button } from '../ui/button.js';
import type { TimelineItem, TimelineKind } from './chart-api.js';

const kindLabels: Record<TimelineKind, string> = {
  assessment: 'Assessment',
  programmeVersion: 'Programme',
  logWeek: 'Week',
  note: 'Note',
  alert: 'Alert',
};

const SHOWN_AT_FIRST = 12;

/** Where an item opens, when it has a page of its own. */
function itemLink(item: TimelineItem, patientId: string): string | null {
  const { assessmentId, programmeId } = item.links;
  if (item.kind === 'assessment' && assessmentId !== undefined) {
    return `/patients/${encodeURIComponent(patientId)}/assessments/${encodeURIComponent(assessmentId)}`;
  }
  if (item.kind === 'programmeVersion' && programmeId !== undefined) {
    return `/programmes/${encodeURIComponent(programmeId)}`;
  }
  return null;
}

export function Timeline({
  items,
  patientId,
}: {
  readonly items: readonly TimelineItem[];
  readonly patientId: string;
}) {
  const [all, setAll] = useState(false);
  if (items.length === 0) return <p className="panel-empty">Nothing on the timeline yet.</p>;
  const shown = all ? items : items.slice(0, SHOWN_AT_FIRST);
  return (
    <>
      <ol className="timeline">
        {shown.map((item, index) => (
          <li
            key={`${item.kind}-${item.date}-${String(index)}`}
            className={`timeline-item timeline-item--${item.kind}`}
          >
            <span className="timeline-date">{formatDay(item.date)}</span>
            <span className="tag timeline-kind">{kindLabels[item.kind]}</span>{' '}
            {itemLink(item, patientId) === null ? (
              <strong>{item.title}</strong>
            ) : (
              <Link to={itemLink(item, patientId) ?? ''}>
                <strong>{item.title}</strong>
              </Link>
            )}
            {item.detail === null ? null : <span className="history-meta">{item.detail}</span>}
          </li>
        ))}
      </ol>
      {items.length > SHOWN_AT_FIRST ? (
        <Button
          variant="quiet"
          onClick={() => {
            setAll(!all);
          }}
        >
          {all ? 'Show fewer' : `Show all ${String(items.length)}`}
        </Button>
      ) : null}
    </>
  );
}
