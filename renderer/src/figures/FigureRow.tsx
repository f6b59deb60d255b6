import { articleStatusLabels, type FigureChecklistRow } from '../../../common/api';
import { labels, type VerificationStatus } from '../../../common/model/annotation';
import { figureCheckLabels } from '../../../common/model/figureChecks';
import { figureForPeople, figureRawValue } from '../../../common/model/figureFormat';

/** Verifications as the checklist names them. */
export const verificationLabels: Record<VerificationStatus, string> = { unchecked: 'Unchecked', verified: 'Verified', disputed: 'Disputed' };
const kindLabels = { count: 'Count', money: 'Money', percent: 'Percent', date: 'Date', duration: 'Duration', ratio: 'Ratio' } as const;
const verdictKeys: Record<VerificationStatus, string> = { verified: 'V', disputed: 'D', unchecked: 'U' };
const verdictActions: Record<VerificationStatus, string> = { verified: 'Verify', disputed: 'Dispute', unchecked: 'Uncheck' };

/** What a row is doing: nothing, saving a verdict, or showing why its last one failed. */
export type RowActivity = { state: 'idle' } | { state: 'saving' } | { state: 'failed'; message: string };

interface FigureRowProps {
  row: FigureChecklistRow;
  index: number;
  active: boolean;
  note: string;
  activity: RowActivity;
  onFocusRow: (index: number) => void;
  onVerdict: (row: FigureChecklistRow, verification: VerificationStatus) => void;
  onNote: (row: FigureChecklistRow, note: string) => void;
  onNoteDone: (index: number, keep: boolean) => void;
  onOpen: (row: FigureChecklistRow) => void;
}

/** The id of a row's note field, so that N can focus it. */
export function noteFieldId(row: FigureChecklistRow): string {
  return `figure-note-${row.articleId}-${row.annotationId}`;
}

function Sentence({ row }: { row: FigureChecklistRow }) {
  if (!row.sentence) return <span className="figure-sentence">{row.quote} <em>(its words were deleted)</em></span>;
  const { text, start, end } = row.sentence;
  return (
    <span className="figure-sentence">
      {text.slice(0, start)}
      <mark>{text.slice(start, end)}</mark>
      {text.slice(end)}
    </span>
  );
}

/** One figure of the checklist: its sentence, value (raw value one step away), flags, article and verdict. */
export function FigureRow({ row, index, active, note, activity, onFocusRow, onVerdict, onNote, onNoteDone, onOpen }: FigureRowProps) {
  const { figure } = row;
  const words = row.sentence ? row.sentence.text.slice(row.sentence.start, row.sentence.end) : row.quote;
  return (
    <tr
      tabIndex={active ? 0 : -1}
      data-row-index={index}
      data-annotation-id={row.annotationId}
      className={`figure-row verification-${figure.verification}${row.flags.length > 0 ? ' is-flagged' : ''}`}
      aria-label={`${words}, ${figureForPeople(figure)}, ${verificationLabels[figure.verification]}${row.flags.length > 0 ? ', flagged' : ''}`}
      onFocus={(event) => event.target === event.currentTarget && onFocusRow(index)}
      onClick={() => onFocusRow(index)}
    >
      <td>
        <Sentence row={row} />
        {row.flags.map((flag, flagIndex) => (
          <p key={flagIndex} className="figure-flag">
            <strong>⚑ {figureCheckLabels[flag.check]}:</strong> {flag.reason}
            {'otherId' in flag && (
              <>
                {' '}
                <button type="button" className="link-button" tabIndex={active ? 0 : -1} onClick={() => onOpen({ ...row, annotationId: flag.otherId })}>
                  Open the other figure
                </button>
              </>
            )}
          </p>
        ))}
      </td>
      <td className="figure-value">
        <details>
          <summary tabIndex={active ? 0 : -1} title={`Raw value: ${figureRawValue(figure)}`}>{figureForPeople(figure)}</summary>
          <span className="raw-value">
            Raw: <code>{figureRawValue(figure)}</code>
            {figure.qualifier !== 'exactly' && ` (${labels[figure.qualifier]})`}
          </span>
        </details>
      </td>
      <td>{figure.unit || figure.currency || '—'}</td>
      <td>{figure.figureKind ? kindLabels[figure.figureKind] : '—'}</td>
      <td>
        <button type="button" className="link-button article-link" tabIndex={active ? 0 : -1} onClick={() => onOpen(row)}>
          {row.articleTitle}
        </button>
        <div className="article-meta">
          <span className={`status-badge status-${row.articleStatus}`}>{articleStatusLabels[row.articleStatus]}</span>
          {row.status === 'needs_review' && <span className="badge review">Tag needs review</span>}
        </div>
      </td>
      <td className="figure-check">
        <span className={`verification-badge verification-${figure.verification}`}>{verificationLabels[figure.verification]}</span>
        {activity.state === 'saving' && <span className="figure-saving"> Saving…</span>}
        <div className="figure-verdict">
          {(['verified', 'disputed', 'unchecked'] as const).map((verification) => (
            <button
              key={verification}
              type="button"
              className="small"
              tabIndex={active ? 0 : -1}
              aria-label={`Mark “${words}” ${verificationLabels[verification].toLowerCase()} (${verdictKeys[verification]})`}
              disabled={activity.state === 'saving' || (verification === 'unchecked' && figure.verification === 'unchecked')}
              onClick={() => onVerdict(row, verification)}
            >
              {verdictActions[verification]}
            </button>
          ))}
        </div>
        <input
          id={noteFieldId(row)}
          className="figure-note"
          type="text"
          tabIndex={active ? 0 : -1}
          aria-label={`Source note for “${words}”`}
          placeholder="Source note (N)"
          value={note}
          maxLength={5000}
          onChange={(event) => onNote(row, event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              onNoteDone(index, event.key === 'Enter');
            }
          }}
        />
        {activity.state === 'failed' && (
          <p className="error figure-error" role="alert">
            {activity.message}
          </p>
        )}
      </td>
    </tr>
  );
}
