import type { AnnotationMap, AnnotationStatus, FigureAnnotation, VerificationStatus } from '../../common/model/annotation';
import { proposedFigureFields } from '../../common/model/figureReader';
import { parseArticleDocument } from '../../common/articleText';
import type { ArticleStatus } from '../../common/api';
import { createArticle } from '../../main/services/articleWriter';
import type { AppServices } from '../../main/services/index';
import { createStore } from '../../main/store/index';
import { articleJson, type TestBlock } from '../integration/storeFixtures';

/**
 * A small desk for the figures checklist whose numbers can be counted by hand:
 *
 * "Shelling kills 52 in Douma" (draft): 7 figures of the desk's and 1 suggestion.
 *   52 civilians / 60 children        part larger than its whole (both flagged)
 *   400,000 civilians / 350,000 civilians   one quantity, two values (both flagged)
 *   422,000 euros                     money, unchecked
 *   7 March 2018                      date, verified ("UN OCHA situation report")
 *   120 percent                       percentage over 100 (flagged)
 *   two districts                     a suggestion: not listed, counted as waiting
 * "Harbour trust plans new walls" (in review): 5 figures, none flagged.
 *   3.5 million dollars, three weeks, 12 families, 4 children: unchecked; 45% disputed ("Poll says 40%").
 *
 * So: 12 figures of the desk's, 10 unchecked, 1 disputed, 1 verified; 11 to check; 5 flagged; 1 suggestion waiting.
 */
export const figuresDeskCounts = { figures: 12, unchecked: 10, disputed: 1, verified: 1, open: 11, flagged: 5, suggestionsWaiting: 1 } as const;

function figure(id: string, words: string, verification: VerificationStatus = 'unchecked', sourceNote = '', status: AnnotationStatus = 'accepted'): FigureAnnotation {
  const now = '2026-11-01T09:00:00.000Z';
  return { id, kind: 'figure', status, author: 'desk', createdAt: now, updatedAt: now, note: '', quote: words, figure: { ...proposedFigureFields(words), verification, sourceNote } };
}

function add(services: AppServices, blocks: TestBlock[], records: FigureAnnotation[], status: ArticleStatus, createdAt: string): string {
  const map: AnnotationMap = Object.fromEntries(records.map((record) => [record.id, record]));
  const doc = parseArticleDocument(articleJson(blocks, map));
  return createArticle(createStore(services.db), { doc, source: 'figures desk', kept: { status } }, createdAt).id;
}

/** Writes the two articles above through the store, as an import would, and returns their ids. */
export function seedFiguresDesk(services: AppServices): { douma: string; harbour: string } {
  const douma = add(
    services,
    [
      { type: 'headline', text: 'Shelling kills 52 in Douma' },
      { type: 'paragraph', text: 'At least 52 civilians, including 60 children, were killed in Douma on Wednesday, the monitor said.', tags: [{ id: 'killed', text: '52 civilians' }, { id: 'children', text: '60 children' }] },
      { type: 'paragraph', text: 'About 400,000 civilians are trapped in eastern Ghouta, the UN says.', tags: [{ id: 'trapped', text: '400,000 civilians' }] },
      {
        type: 'paragraph',
        text: 'Aid groups say 350,000 civilians remain in the enclave, and the agency has spent 422,000 euros on food since 7 March 2018.',
        tags: [{ id: 'remain', text: '350,000 civilians' }, { id: 'euros', text: '422,000 euros' }, { id: 'since', text: '7 March 2018' }],
      },
      { type: 'paragraph', text: 'Turnout was 120 percent in two districts.', tags: [{ id: 'turnout', text: '120 percent' }, { id: 'districts', text: 'two districts' }] },
    ],
    [
      figure('killed', '52 civilians'),
      figure('children', '60 children'),
      figure('trapped', '400,000 civilians'),
      figure('remain', '350,000 civilians'),
      figure('euros', '422,000 euros'),
      figure('since', '7 March 2018', 'verified', 'UN OCHA situation report'),
      figure('turnout', '120 percent'),
      figure('districts', 'two districts', 'unchecked', '', 'suggested'),
    ],
    'draft',
    '2026-11-02T08:00:00.000Z',
  );
  const harbour = add(
    services,
    [
      { type: 'headline', text: 'Harbour trust plans new walls' },
      { type: 'paragraph', text: 'The trust will spend 3.5 million dollars on new walls over three weeks.', tags: [{ id: 'cost', text: '3.5 million dollars' }, { id: 'weeks', text: 'three weeks' }] },
      { type: 'paragraph', text: 'Some 45% of residents back the plan; 12 families, including 4 children, object.', tags: [{ id: 'share', text: '45%' }, { id: 'families', text: '12 families' }, { id: 'kids', text: '4 children' }] },
    ],
    [
      figure('cost', '3.5 million dollars'),
      figure('weeks', 'three weeks'),
      figure('share', '45%', 'disputed', 'Poll says 40%'),
      figure('families', '12 families'),
      figure('kids', '4 children'),
    ],
    'in_review',
    '2026-11-01T08:00:00.000Z',
  );
  return { douma, harbour };
}
