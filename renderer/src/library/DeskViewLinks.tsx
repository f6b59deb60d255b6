import type { ArticleSelection } from '../../../common/api';
import { navigate } from '../navigation/route';

const deskViews = [
  { name: 'review', label: 'Review queue' },
  { name: 'figures', label: 'Figures checklist' },
  { name: 'audit', label: 'Sourcing audit' },
] as const;

/** Buttons that open the desk's other views on the articles the library's filter selects. */
export function DeskViewLinks({ selection, total }: { selection: ArticleSelection; total: number | null }) {
  const filtered = Object.keys(selection).length > 0;
  const which = filtered ? `these ${total === null ? '' : `${total.toLocaleString()} `}articles` : 'every article';
  return (
    <nav className="desk-view-links" aria-label="Desk views of these articles">
      <span className="muted">Work on {which}:</span>
      {deskViews.map((view) => (
        <button key={view.name} type="button" onClick={() => navigate({ name: view.name, selection, view: {} })}>
          {view.label}
        </button>
      ))}
    </nav>
  );
}
