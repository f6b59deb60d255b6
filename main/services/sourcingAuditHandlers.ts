import type { SourcingAudit } from '../../common/api';
import { foldSourcingAudit } from '../../common/model/sourcingAudit';
import { sourceRoleKey } from '../../common/model/sourceProfile';
import { createDataVersion } from '../store/dataVersion';
import type { Store } from '../store/index';
import { createSourceRolesRepo } from '../store/sourceRolesRepo';
import { createSourcingAuditQueries } from '../store/sourcingAuditQueries';
import type { ApiHandlers } from './apiDispatch';
import { createSourcingAuditSummaries } from './sourcingAuditSummaries';

/** The sourcing audit's methods. */
export type SourcingAuditHandlers = Pick<ApiHandlers, 'sourcingAudit' | 'listSourceRoles' | 'addSourceRole'>;

// Selections whose audit is kept: the desk switches between a few (every article, the library's current filter).
const auditsKept = 8;

/**
 * The desk's sourcing audit over the articles a selection picks (each article's counts kept by revision, folded
 * by the model's rules), and the desk's list of source roles that registry persons and organisations can carry.
 */
export function createSourcingAuditHandlers(store: Store): SourcingAuditHandlers {
  const queries = createSourcingAuditQueries(store.db);
  const roles = createSourceRolesRepo(store.db);
  const summaries = createSourcingAuditSummaries(queries);
  summaries.warmUp(() => store.read(() => queries.articles({})), () => store.db.open, (work) => store.read(work));
  const dataVersion = createDataVersion(store.db);
  // Folding 10,000 articles' counts and naming their speakers still takes some tens of milliseconds, and the report
  // depends only on what the database holds: a view opened again while nothing was written (tabs, back, the
  // library and back) reuses it. Any write at all (a tag, a registry role, a trashed article) folds it again.
  const kept = new Map<string, { version: string; audit: SourcingAudit }>();
  return {
    sourcingAudit({ selection }) {
      return store.read(() => {
        const key = JSON.stringify(selection);
        const version = dataVersion();
        const known = kept.get(key);
        // Deleted and set again, so the map's first key is the one used longest ago.
        kept.delete(key);
        const audit = known?.version === version ? known.audit : foldSourcingAudit(summaries.groups(queries.articles(selection)));
        kept.set(key, { version, audit });
        if (kept.size > auditsKept) kept.delete(kept.keys().next().value!);
        return audit;
      });
    },
    listSourceRoles() {
      return roles.list();
    },
    addSourceRole({ label }) {
      const shown = label.replace(/\s+/gu, ' ');
      store.transaction(() => roles.add({ key: sourceRoleKey(shown), label: shown }));
      return roles.list();
    },
  };
}
