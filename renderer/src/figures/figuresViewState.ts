import { figureChecklistOrders, figureChecklistVerifications, type FigureChecklistOrder, type FigureChecklistVerification } from '../../../common/api';
import { figureKinds, type FigureKind } from '../../../common/model/annotation';

/** The checklist's own state, as it lives in the URL beside the selection: filters, order and page. */
export interface FiguresViewState {
  figureKind: FigureKind | null;
  verification: FigureChecklistVerification;
  flaggedOnly: boolean;
  order: FigureChecklistOrder;
  descending: boolean;
  // Counted from 0 here; the URL counts from 1, as people do.
  page: number;
}

/** Figures per page: enough to work through without scrolling far, few enough to paint at once. */
export const figuresPageSize = 50;

function oneOf<T extends string>(options: readonly T[], value: string | undefined): T | null {
  return (options as readonly string[]).includes(value ?? '') ? (value as T) : null;
}

/** The state a route's `view` holds; anything it does not understand falls back to the default. */
export function figuresViewState(view: Record<string, string>): FiguresViewState {
  const page = Number.parseInt(view.page ?? '1', 10);
  return {
    figureKind: oneOf(figureKinds, view.kind),
    verification: oneOf(figureChecklistVerifications, view.verification) ?? 'open',
    flaggedOnly: view.flagged === '1',
    order: oneOf(figureChecklistOrders, view.sort) ?? 'article',
    descending: view.dir !== 'asc',
    page: Number.isFinite(page) && page > 1 ? page - 1 : 0,
  };
}

/** The route `view` of a state, leaving out what is at its default so URLs stay short. */
export function figuresViewParams(state: FiguresViewState): Record<string, string> {
  const view: Record<string, string> = {};
  if (state.figureKind) view.kind = state.figureKind;
  if (state.verification !== 'open') view.verification = state.verification;
  if (state.flaggedOnly) view.flagged = '1';
  if (state.order !== 'article') view.sort = state.order;
  if (!state.descending) view.dir = 'asc';
  if (state.page > 0) view.page = String(state.page + 1);
  return view;
}
