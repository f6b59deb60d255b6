/** An article as a kept summary is keyed: its id and its version (its row and revision, read from the store on every call). */
export interface VersionedArticle {
  id: string;
  version: string;
}

/** Summaries of articles kept by version, read again only for articles whose version moved on. */
export interface ArticleVersionCache<Summary extends { version: string }> {
  /** The summary of each article, in the order given, current for the versions given. */
  of(articles: readonly VersionedArticle[]): Summary[];
  /**
   * Reads every article's summary in the background, `articlesPerWarmUpStep` articles between other calls, so that
   * the first view on a large library does not wait for all of them. Each step reads in one transaction
   * (`inOneRead`); the warm-up stops when `isOpen` says the database was closed, or at the first error (a busy or
   * closing database: the view then reads what it needs when it is opened), and never keeps the process alive.
   */
  warmUp(listArticles: () => VersionedArticle[], isOpen: () => boolean, inOneRead: (work: () => void) => void): void;
}

// Articles read per round trip to the store: their ids travel as one JSON parameter.
const articlesPerRead = 1000;

/**
 * The desk's reports (the figures checklist, the sourcing audit) summarise every article of a selection, which is
 * too much to read from the records on every view; a summary depends only on what the article holds, which changes
 * only with a new revision. `readSummaries` reads the summaries of up to a thousand articles at once.
 */
export function createArticleVersionCache<Summary extends { version: string }>(
  readSummaries: (articles: readonly VersionedArticle[]) => Iterable<readonly [string, Summary]>,
  articlesPerWarmUpStep: number,
): ArticleVersionCache<Summary> {
  const byArticle = new Map<string, Summary>();
  const isStale = ({ id, version }: VersionedArticle) => byArticle.get(id)?.version !== version;

  function read(articles: readonly VersionedArticle[]): void {
    for (let from = 0; from < articles.length; from += articlesPerRead) {
      for (const [id, summary] of readSummaries(articles.slice(from, from + articlesPerRead))) byArticle.set(id, summary);
    }
  }

  return {
    of(articles) {
      read(articles.filter(isStale));
      return articles.map(({ id }) => byArticle.get(id)!);
    },
    warmUp(listArticles, isOpen, inOneRead) {
      let pending: VersionedArticle[] | null = null;
      const step = () => {
        if (!isOpen()) return;
        try {
          pending ??= listArticles();
          const chunk: VersionedArticle[] = [];
          while (pending.length > 0 && chunk.length < articlesPerWarmUpStep) {
            const article = pending.pop()!;
            if (isStale(article)) chunk.push(article);
          }
          if (chunk.length > 0) inOneRead(() => read(chunk));
        } catch {
          return;
        }
        if (pending.length > 0) setTimeout(step, 0).unref();
      };
      setTimeout(step, 0).unref();
    },
  };
}
