import type { FigureChecklist } from '../../../common/api';
import { countOf } from '../ui/plural';

/** The checklist's counts in words: what is left to check, what is done, what is flagged and what still waits. */
export function FiguresSummary({ checklist }: { checklist: FigureChecklist }) {
  const { byVerification, flagged, suggestionsWaiting } = checklist;
  return (
    <p className="figures-summary" aria-label="Counts">
      <strong>{countOf(byVerification.unchecked + byVerification.disputed, 'figure')} to check</strong> ({byVerification.unchecked.toLocaleString('en')} unchecked,{' '}
      {byVerification.disputed.toLocaleString('en')} disputed) · {byVerification.verified.toLocaleString('en')} verified · {countOf(flagged, 'flagged figure')} in this list ·{' '}
      {countOf(suggestionsWaiting, 'figure suggestion')} still waiting (accept them in the article to check them)
    </p>
  );
}

/** Where the page is in the list, and the way to the pages before and after it. */
export function FiguresPager({ checklist, onPage }: { checklist: FigureChecklist; onPage: (page: number) => void }) {
  const { page, pageSize, total } = checklist;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : page * pageSize + 1;
  const last = Math.min(total, (page + 1) * pageSize);
  return (
    <nav className="figures-pager" aria-label="Pages of figures">
      <span>
        Figures {first.toLocaleString('en')}–{last.toLocaleString('en')} of {total.toLocaleString('en')} · page {(page + 1).toLocaleString('en')} of {pages.toLocaleString('en')}
      </span>
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous page
      </button>
      <button type="button" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        Next page
      </button>
    </nav>
  );
}
