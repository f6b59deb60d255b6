import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { AttributionSpeaker } from '../../../common/model/annotation';
import { entityLookupKey } from '../../../common/model/names';
import type { SpeakerOffer } from '../../../common/model/speakerCandidates';

interface SpeakerPickerProps {
  offer: SpeakerOffer;
  onPick: (speaker: AttributionSpeaker) => void;
  // Escape leaves the picker without choosing.
  onCancel: () => void;
  autoFocus?: boolean;
}

type Option =
  | { key: string; label: string; speaker: AttributionSpeaker }
  | { key: 'anonymous'; label: string; speaker: AttributionSpeaker };

/**
 * Picks an attribution's speaker from the keyboard: type to filter the people and organisations tagged in
 * the article, arrows to move, Enter to choose, Escape to leave. The speaker the model proposes (the name at the
 * cue, or an anonymous source described there) comes first and is highlighted, so Enter confirms it; the others
 * follow by distance from the quote; "Anonymous source" is always the last option.
 */
export function SpeakerPicker({ offer, onPick, onCancel, autoFocus }: SpeakerPickerProps) {
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const options = useMemo<Option[]>(() => {
    const needle = entityLookupKey(filter);
    const seen = new Set<string>();
    const matches: Option[] = [];
    if (offer.anonymous && !needle) {
      matches.push({ key: 'proposed-anonymous', label: `Anonymous source: “${offer.anonymous}” (proposed)`, speaker: { type: 'anonymous', description: offer.anonymous, anonymityReason: '' } });
    }
    for (const candidate of offer.candidates) {
      const identity = candidate.entityId ?? entityLookupKey(candidate.name);
      if (seen.has(identity) || (needle && !entityLookupKey(candidate.name).includes(needle))) continue;
      seen.add(identity);
      matches.push({
        key: candidate.mentionId,
        label: `${candidate.name} (${candidate.type === 'person' ? 'Person' : 'Organisation'}${candidate.proposed ? ', proposed' : ''})`,
        speaker: { type: 'entity', entityId: candidate.entityId, name: candidate.name, mentionId: candidate.mentionId },
      });
    }
    if (needle && !matches.some((option) => entityLookupKey(option.label).startsWith(needle))) {
      matches.push({ key: 'typed', label: `Name not in the text: “${filter.trim()}”`, speaker: { type: 'entity', entityId: null, name: filter.trim(), mentionId: null } });
    }
    matches.push({ key: 'anonymous', label: needle ? `Anonymous source: “${filter.trim()}”` : 'Anonymous source…', speaker: { type: 'anonymous', description: filter.trim(), anonymityReason: '' } });
    return matches;
  }, [offer, filter]);
  const activeIndex = Math.min(active, options.length - 1);
  // Focus stays in the input (aria-activedescendant), so the browser does not scroll the list by itself.
  useEffect(() => {
    document.getElementById(`${listId}-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [listId, activeIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      setActive((activeIndex + 1) % options.length);
      event.preventDefault();
    } else if (event.key === 'ArrowUp') {
      setActive((activeIndex - 1 + options.length) % options.length);
      event.preventDefault();
    } else if (event.key === 'Enter') {
      const option = options[activeIndex];
      if (option) onPick(option.speaker);
      event.preventDefault();
    } else if (event.key === 'Escape') {
      onCancel();
      event.preventDefault();
    } else if (event.altKey && event.key.toLowerCase() === 'n') {
      // "Anonymous is one key away": Alt+N picks it whatever is highlighted.
      onPick({ type: 'anonymous', description: filter.trim(), anonymityReason: '' });
      event.preventDefault();
    }
  };

  return (
    <div className="speaker-picker">
      <input
        type="text"
        role="combobox"
        aria-label="Speaker"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={`${listId}-${activeIndex}`}
        placeholder="Type to find the speaker · Alt+N: anonymous"
        value={filter}
        autoFocus={autoFocus}
        onChange={(event) => {
          setFilter(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul role="listbox" id={listId} aria-label="Speakers">
        {options.map((option, index) => (
          <li
            key={option.key}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className={index === activeIndex ? 'is-active' : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(option.speaker)}
          >
            {option.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
