import { foldSourcingAudit } from '../../common/model/sourcingAudit';
import { sourceRoleKey } from '../../common/model/sourceProfile';
import type { Store } from '../store/index';
import { createSourceRolesRepo } from '../store/sourceRolesRepo';
import { createSourcingAuditQueries } from '../store/sourcingAuditQueries';
import type { ApiHandlers } from './apiDispatch';

/** The sourcing audit's methods. */
export type SourcingAuditHandlers = Pick<ApiHandlers, 'sourcingAudit' | 'listSourceRoles' | 'addSourceRole'>;

/**
 * The desk's sourcing audit over the articles a selection picks (aggregated in SQL, folded by the model's rules),
 * and the desk's list of source roles that registry persons and organisations can carry.
 */
export function createSourcingAuditHandlers(store: Store): SourcingAuditHandlers {
  const queries = createSourcingAuditQueries(store.db);
  const roles = createSourceRolesRepo(store.db);
  return {
    sourcingAudit({ selection }) {
      return foldSourcingAudit(store.read(() => queries.groups(selection)));
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
