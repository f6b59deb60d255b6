import type { CliOutput } from './cliOutput';
import type { SuggestionCounts } from '../../common/api';
import { dispatchApiCall } from '../services/apiDispatch';
import type { AppServices } from '../services/index';
import { articleIdsOf } from './exportCommand';


/**
 * `suggest (ID...|--all)`: adds suggestions to each stored article through the same `addSuggestions` call the
 * services offer, one article at a time so that one failure (missing, changed meanwhile) is reported and the
 * rest still get theirs. Prints per article its id and how many entities, figures and attributions were added.
 * Resolves with the exit code: 0 when every article got its suggestions, 1 otherwise.
 */
export async function suggestForArticles(services: AppServices, articleIds: readonly string[] | 'all', output: CliOutput): Promise<number> {
  const ids = await articleIdsOf(services, { articleIds });
  if (typeof ids === 'string') {
    output.stderr(`Cannot list the articles: ${ids}\n`);
    return 1;
  }
  let exitCode = 0;
  for (const id of ids) {
    const result = await dispatchApiCall(services.handlers, 'addSuggestions', { articleIds: [id] });
    if (!result.ok) {
      output.stderr(`${id}: ${result.error.message}\n`);
      exitCode = 1;
      continue;
    }
    for (const counts of result.value as SuggestionCounts[]) {
      output.stdout(`${counts.articleId}\tentities ${counts.entity}\tfigures ${counts.figure}\tattributions ${counts.attribution}\n`);
    }
  }
  return exitCode;
}
