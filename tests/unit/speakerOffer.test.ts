import { describe, expect, it } from 'vitest';
import type { AnnotationMap } from '../../common/model/annotation';
import { articleText } from '../../common/articleText';
import { speakerOffer } from '../../common/model/speakerCandidates';
import { articleSchema } from '../../common/schema';
import { taggedBlock, type BlockTag } from '../../main/services/taggedBlock';
import { attributionRecord, entityRecord } from '../integration/storeFixtures';

// A document of paragraphs, each with its tags, and the article's plain text as the editor reads it.
function textOf(paragraphs: [string, BlockTag[]][], records: AnnotationMap) {
  const blocks = [taggedBlock('headline', 'Talks', [], records), ...paragraphs.map(([text, tags]) => taggedBlock('paragraph', text, tags, records))];
  return articleText(articleSchema.node('doc', { annotations: records }, blocks));
}

describe('the speaker picker’s offer', () => {
  it('proposes the name at the cue first, then the others by distance from the quote, not by order in the text', () => {
    const records: AnnotationMap = {
      far: entityRecord('far', 'Maria Ortiz', 'person'),
      near: entityRecord('near', 'Hassan Idris', 'person'),
      cued: entityRecord('cued', 'Lena Park', 'person'),
      org: entityRecord('org', 'The Red Cross', 'organisation'),
      place: entityRecord('place', 'Aleppo', 'place'),
      q: attributionRecord('q', '"We will stay,"', '', null),
    };
    const text = textOf(
      [
        ['Maria Ortiz arrived in Aleppo on Monday.', [{ id: 'far', text: 'Maria Ortiz' }, { id: 'place', text: 'Aleppo' }]],
        ['The Red Cross met Hassan Idris there.', [{ id: 'near', text: 'Hassan Idris' }, { id: 'org', text: 'The Red Cross' }]],
        ['"We will stay," said Lena Park.', [{ id: 'q', text: '"We will stay,"' }, { id: 'q', text: 'said', part: 'cue' }, { id: 'cued', text: 'Lena Park' }]],
      ],
      records,
    );
    const offer = speakerOffer(text, records, 'q');
    expect(offer.anonymous).toBeNull();
    expect(offer.candidates.map((candidate) => [candidate.mentionId, candidate.proposed])).toEqual([
      ['cued', true],
      ['near', false],
      // A person a little further away outranks an organisation: people are quoted more often.
      ['far', false],
      ['org', false],
    ]);
  });

  it('offers an anonymous source described at the cue, and proposes no name then', () => {
    const records: AnnotationMap = {
      who: entityRecord('who', 'Omar Said', 'person'),
      q: attributionRecord('q', '"No deal yet,"', '', null),
    };
    const text = textOf(
      [
        ['Omar Said left the talks early.', [{ id: 'who', text: 'Omar Said' }]],
        ['"No deal yet," a negotiator told AFP.', [{ id: 'q', text: '"No deal yet,"' }, { id: 'q', text: 'told', part: 'cue' }]],
      ],
      records,
    );
    const offer = speakerOffer(text, records, 'q');
    expect(offer.anonymous).toBe('a negotiator');
    expect(offer.candidates.every((candidate) => !candidate.proposed)).toBe(true);
  });
});
