import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/** The audit's tabs, in order, with their labels. */
export const auditTabs = [
  { tab: 'overview', label: 'Overview' },
  { tab: 'speakers', label: 'Who is quoted' },
  { tab: 'media', label: 'Media and anonymity' },
  { tab: 'articles', label: 'Articles to check' },
] as const;
export type AuditTab = (typeof auditTabs)[number]['tab'];

/** The tab a view's URL state names; the overview for none or one this version does not know. */
export function auditTabOf(view: Record<string, string>): AuditTab {
  return auditTabs.find((entry) => entry.tab === view.tab)?.tab ?? 'overview';
}

/** A tab list by the WAI-ARIA pattern: one tab stop, arrow keys, Home and End move between tabs and show them. */
export function AuditTabs({ tab, onChoose, children }: { tab: AuditTab; onChoose: (tab: AuditTab) => void; children: ReactNode }) {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = auditTabs.findIndex((entry) => entry.tab === tab);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: auditTabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = auditTabs[(moves[event.key]! + auditTabs.length) % auditTabs.length]!.tab;
    onChoose(next);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLButtonElement>(`#audit-tab-${next}`)?.focus());
  };
  return (
    <>
      <div className="audit-tabs" role="tablist" aria-label="Sourcing audit" ref={listRef} onKeyDown={onKeyDown}>
        {auditTabs.map((entry) => (
          <button
            key={entry.tab}
            id={`audit-tab-${entry.tab}`}
            type="button"
            role="tab"
            aria-selected={entry.tab === tab}
            aria-controls="audit-tab-panel"
            tabIndex={entry.tab === tab ? 0 : -1}
            onClick={() => onChoose(entry.tab)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      <div className="audit-tab-panel" id="audit-tab-panel" role="tabpanel" aria-labelledby={`audit-tab-${tab}`}>
        {children}
      </div>
    </>
  );
}
