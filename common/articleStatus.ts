/** Where an article is in the desk's workflow. */
export const articleStatuses = ['draft', 'in_review', 'done'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];
export const articleStatusLabels: Record<ArticleStatus, string> = { draft: 'Draft', in_review: 'In review', done: 'Done' };
