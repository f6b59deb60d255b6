import { memo, useState, type KeyboardEvent } from 'react';
import type { AnnotationMap } from '../../../common/model/annotation';
import type { EntityNameLookup } from '../../../common/model/sources';
import { AnnotationsPanel } from './AnnotationsPanel';
import { FiguresPanel } from './FiguresPanel';
import { SourcesPanel } from './SourcesPanel';

const sideTabs = [
  { id: 'annotations', label: 'Annotations' },
  { id: 'figures', label: 'Figures' },
  { id: 'sources', label: 'Sources' },
] as const;
type SideTab = (typeof sideTabs)[number]['id'];

interface SideListsProps {
  annotations: AnnotationMap;
  textOf: (id: string) => string;
  // Annotation ids in the order their words appear.
  textOrder: readonly string[];
  entityNames: EntityNameLookup;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onNextToReview: () => void;
}

/** The article's lists beside the inspector, as tabs: all annotations, the figures, the sources. */
export const SideLists = memo(function SideLists({ annotations, textOf, textOrder, entityNames, selectedId, onSelect, onNextToReview }: SideListsProps) {
  const [sideTab, setSideTab] = useState<SideTab>('annotations');

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = sideTabs.findIndex((tab) => tab.id === sideTab);
    const target =
      event.key === 'ArrowRight' ? (at + 1) % sideTabs.length
      : event.key === 'ArrowLeft' ? (at - 1 + sideTabs.length) % sideTabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? sideTabs.length - 1
      : null;
    if (target === null) return;
    event.preventDefault();
    setSideTab(sideTabs[target]!.id);
    document.getElementById(`tab-${sideTabs[target]!.id}`)?.focus();
  };

  return (
    <>
      <div className="side-tabs" role="tablist" aria-label="Article lists" onKeyDown={onTabKey}>
        {sideTabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={sideTab === tab.id}
            aria-controls={`panel-${tab.id}`}
            // One tab stop for the whole list; arrows move between the tabs (the WAI-ARIA tabs pattern).
            tabIndex={sideTab === tab.id ? 0 : -1}
            onClick={() => setSideTab(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${sideTab}`} aria-labelledby={`tab-${sideTab}`}>
        {sideTab === 'annotations' && <AnnotationsPanel annotations={annotations} textOf={textOf} selectedId={selectedId} onSelect={onSelect} onNextToReview={onNextToReview} />}
        {sideTab === 'figures' && <FiguresPanel annotations={annotations} textOf={textOf} order={textOrder} onSelect={onSelect} />}
        {sideTab === 'sources' && <SourcesPanel annotations={annotations} entityNames={entityNames} order={textOrder} onSelect={onSelect} />}
      </div>
    </>
  );
});
