import { useMemo, useSyncExternalStore } from 'react';
import { articleSelectionFields, articleSelectionSchema, type ArticleSelection } from '../../../common/articleSelection';

/** The desk views that work on a selection of articles (the library's filter), each with its own view state. */
export const deskViewNames = ['library', 'review', 'figures', 'audit'] as const;
export type DeskViewName = (typeof deskViewNames)[number];

/**
 * Where the app is: one value per screen, kept in the URL's hash so that reload, back and forward restore it (the
 * same in Electron, which loads one file, and in the browser). A desk view's `view` holds what that view alone
 * understands (sort column, page, open tab), as the URL carries it; the view reads it and ignores what it does not know.
 */
export type Route =
  | { name: DeskViewName; selection: ArticleSelection; view: Record<string, string> }
  | { name: 'registry' }
  | { name: 'trash' }
  | { name: 'entity'; entityId: string }
  | { name: 'editor'; articleId: string; focusAnnotationId?: string };

const libraryRoute: Route = { name: 'library', selection: {}, view: {} };

function selectionFrom(params: URLSearchParams): ArticleSelection {
  const selection: Record<string, string> = {};
  for (const field of articleSelectionFields) {
    const value = params.get(field);
    // A field that does not parse (an old or hand-edited URL) is dropped, never the whole selection.
    if (value !== null && articleSelectionSchema.shape[field].safeParse(value).success) selection[field] = value;
  }
  return selection as ArticleSelection;
}

/** The route a URL hash names; the library for an empty or unknown one. */
export function routeFromHash(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [name = '', rawId] = path.split('/', 2);
  const params = new URLSearchParams(search);
  const id = rawId ? decodeURIComponent(rawId) : '';
  if ((deskViewNames as readonly string[]).includes(name)) {
    const view: Record<string, string> = {};
    for (const [key, value] of params) if (!(articleSelectionFields as string[]).includes(key)) view[key] = value;
    return { name: name as DeskViewName, selection: selectionFrom(params), view };
  }
  if (name === 'registry' || name === 'trash') return { name };
  if (name === 'entity' && id) return { name, entityId: id };
  if (name === 'article' && id) return { name: 'editor', articleId: id, focusAnnotationId: params.get('tag') ?? undefined };
  return libraryRoute;
}

/** The URL hash of a route; routeFromHash(hashOfRoute(route)) gives the route back. */
export function hashOfRoute(route: Route): string {
  switch (route.name) {
    case 'registry':
    case 'trash':
      return `#/${route.name}`;
    case 'entity':
      return `#/entity/${encodeURIComponent(route.entityId)}`;
    case 'editor':
      return `#/article/${encodeURIComponent(route.articleId)}${route.focusAnnotationId ? `?tag=${encodeURIComponent(route.focusAnnotationId)}` : ''}`;
    default: {
      const params = new URLSearchParams();
      for (const field of articleSelectionFields) {
        const value = route.selection[field];
        if (value) params.set(field, value);
      }
      for (const [key, value] of Object.entries(route.view)) if (value) params.set(key, value);
      const search = params.toString();
      return `#/${route.name}${search ? `?${search}` : ''}`;
    }
  }
}

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('hashchange', listener);
  };
}
const currentHash = () => window.location.hash;

const navigationListeners = new Set<(to: Route, from: Route) => void>();

/**
 * Calls `listener` with the route `navigate` is about to go to and the one it leaves, before the app draws the
 * new screen, so that work the screen needs can start at once. Returns the unsubscribe function.
 */
export function onNavigate(listener: (to: Route, from: Route) => void): () => void {
  navigationListeners.add(listener);
  return () => {
    navigationListeners.delete(listener);
  };
}

/**
 * Goes to a route: `push` makes a new history entry (back returns), `replace` rewrites the current one (for state
 * that changes as the user types, such as a search box, where each letter must not become a step back).
 */
export function navigate(route: Route, how: 'push' | 'replace' = 'push'): void {
  const hash = hashOfRoute(route);
  if (hash === window.location.hash) return;
  const from = routeFromHash(window.location.hash);
  for (const listener of navigationListeners) listener(route, from);
  if (how === 'push') window.location.hash = hash;
  else window.history.replaceState(window.history.state, '', hash);
  // The new address is read at once rather than on the hashchange event, which comes a task later (and never
  // after replaceState): a control whose state is in the address, a checkbox or a select, shows its new state in
  // the event that changed it instead of flicking back to the old one until then.
  for (const listener of listeners) listener();
}

/** The current route, re-rendering when it changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash);
  // One object per hash, so effects that depend on the route run when it changes, not on every render.
  return useMemo(() => routeFromHash(hash), [hash]);
}
