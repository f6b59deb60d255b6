import { countOf } from '../ui/plural';

interface PagerProps {
  // What the list holds, singular and plural ("mention", "mentions").
  noun: [string, string];
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  onOffset: (offset: number) => void;
}

const numbers = new Intl.NumberFormat('en');

/** Says which rows of a long list are shown ("51–100 of 2,000 mentions") and steps to the page before or after. */
export function Pager({ noun, offset, shown, total, pageSize, onOffset }: PagerProps) {
  if (total <= pageSize && offset === 0) return null;
  return (
    <div className="pager">
      <span role="status">
        {numbers.format(shown === 0 ? 0 : offset + 1)}–{numbers.format(offset + shown)} of {countOf(total, noun[0], noun[1])}
      </span>
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        Previous page
      </button>
      <button type="button" disabled={offset + pageSize >= total} onClick={() => onOffset(offset + pageSize)}>
        Next page
      </button>
    </div>
  );
}
