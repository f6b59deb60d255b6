import type { AnnotationMap, EntityType } from './annotation';
import type { ArticleText } from '../articleText';
import { proposeSpeakers, type ProposedSpeaker, type SpeakerMention, type SpeakerTextSpan } from './speakerProposal';

/**
 * The speakers the editor is offered for one attribution, ranked by the same rule the suggestions use
 * (speakerProposal.ts): the name attached to the cue first, then the article's other people and
 * organisations by their distance from the quote.
 */

/** A person or organisation tagged in the article, offered as a speaker. */
export interface SpeakerCandidate {
  mentionId: string;
  entityId: string | null;
  name: string;
  type: 'person' | 'organisation';
  // True for the one the rule proposes (attached to the cue, a resolved pronoun, a continuation).
  proposed: boolean;
}

/** The offer: ranked candidates, and an anonymous source's description when the rule found one at the cue. */
export interface SpeakerOffer {
  candidates: SpeakerCandidate[];
  anonymous: string | null;
}

const speakerTypes: ReadonlySet<EntityType> = new Set(['person', 'organisation']);

/** Ranks the tagged people and organisations as speakers of attribution `attributionId`. */
export function speakerOffer(text: ArticleText, records: AnnotationMap, attributionId: string): SpeakerOffer {
  const spans = text.spans.get(attributionId) ?? [];
  const content: SpeakerTextSpan[] = spans.filter((span) => span.part === 'content').map(({ start, end }) => ({ start, end }));
  const cueSpan = spans.find((span) => span.part === 'cue');
  const mentions: (SpeakerMention & { id: string })[] = [];
  const quoted: SpeakerTextSpan[] = [];
  for (const [id, recordSpans] of text.spans) {
    const record = records[id];
    if (!record) continue;
    if (record.kind === 'attribution') {
      for (const span of recordSpans) if (span.part === 'content') quoted.push({ start: span.start, end: span.end });
      continue;
    }
    if (record.kind !== 'entity' || !speakerTypes.has(record.entityType) || record.status === 'suggested') continue;
    for (const span of recordSpans) {
      if (span.part !== 'content') continue;
      mentions.push({ id, start: span.start, end: span.end, name: text.text.slice(span.start, span.end), entityType: record.entityType, entityId: record.entityId });
    }
  }
  const ranked = content.length > 0 ? proposeSpeakers({ text: text.text, content, cue: cueSpan ? { start: cueSpan.start, end: cueSpan.end } : null, mentions, quoted }) : [];
  const candidates: SpeakerCandidate[] = [];
  const seen = new Set<string>();
  const add = (mention: SpeakerMention & { id?: string }, proposed: boolean) => {
    const id = (mention as { id?: string }).id;
    if (!id || seen.has(id)) return;
    seen.add(id);
    candidates.push({ mentionId: id, entityId: mention.entityId ?? null, name: mention.name, type: mention.entityType as 'person' | 'organisation', proposed });
  };
  const top: ProposedSpeaker | undefined = ranked[0];
  for (const proposal of ranked) if (proposal.type === 'entity') add(proposal.mention, proposal === top && proposal.reason !== 'distance');
  // Whatever the rule did not rank (no quote words yet) follows in the order of the text.
  for (const mention of mentions) add(mention, false);
  return { candidates, anonymous: top?.type === 'anonymous' ? top.description : null };
}
