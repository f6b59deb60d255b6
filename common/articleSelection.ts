import { z } from './zodConfig';
import { annotationKinds } from './model/annotation';
import { articleStatuses } from './articleStatus';

/**
 * Which articles a desk view works on: the library's filter, shared by the library list, the sourcing audit, the
 * figures checklist and the review queue, so that "audit what the library shows" means the same set everywhere.
 * Every field narrows the set; an empty selection is every article outside the trash.
 */

/** Tag states a selection can ask for: tags the editor must review again, and suggestions still waiting. */
export const selectableTagStatuses = ['needs_review', 'suggested'] as const;
export type SelectableTagStatus = (typeof selectableTagStatuses)[number];

// A calendar day as the date inputs give it; ranges include both ends.
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date looks like 2026-11-30.');

export const articleSelectionSchema = z.object({
  // Words (each also matches longer words that start with it) and "quoted phrases".
  query: z.string().max(500).optional(),
  // Articles with a tag linked to this registry entity: a mention of it, or an attribution it is the speaker of.
  entityId: z.string().min(1).max(100).optional(),
  tagKind: z.enum(annotationKinds).optional(),
  tagStatus: z.enum(selectableTagStatuses).optional(),
  status: z.enum(articleStatuses).optional(),
  // Who made a tag in the article (the name recorded on the tag).
  tagAuthor: z.string().trim().min(1).max(200).optional(),
  importedFrom: day.optional(),
  importedTo: day.optional(),
  updatedFrom: day.optional(),
  updatedTo: day.optional(),
});

/** A desk view's set of articles; see articleSelectionSchema. */
export type ArticleSelection = z.infer<typeof articleSelectionSchema>;

/** The selection's fields, in the order the URL and the filter bar show them. */
export const articleSelectionFields = Object.keys(articleSelectionSchema.shape) as (keyof ArticleSelection)[];
