import { describe, expect, it } from 'vitest';
import { hashOfRoute, routeFromHash, type Route } from '../../../renderer/src/navigation/route';

describe('routes in the URL hash', () => {
  const routes: Route[] = [
    { name: 'library', selection: {}, view: {} },
    { name: 'library', selection: { query: '"Faylaq al Rahman" evacu', status: 'in_review', entityId: 'ent-1', updatedFrom: '2026-01-01' }, view: { sort: 'title' } },
    { name: 'figures', selection: { tagStatus: 'needs_review', tagKind: 'figure' }, view: { page: '3' } },
    { name: 'audit', selection: { tagAuthor: 'Ana María' }, view: {} },
    { name: 'review', selection: {}, view: {} },
    { name: 'registry' },
    { name: 'trash' },
    { name: 'entity', entityId: 'ent/with?odd#chars' },
    { name: 'editor', articleId: 'a1' },
    { name: 'editor', articleId: 'a 2', focusAnnotationId: 'ann-7' },
  ];
  for (const route of routes) {
    it(`gives back ${hashOfRoute(route)}`, () => {
      expect(routeFromHash(hashOfRoute(route))).toEqual(route);
    });
  }

  it('drops a selection field that does not parse, keeping the rest', () => {
    expect(routeFromHash('#/library?status=bogus&query=gas&importedFrom=yesterday')).toEqual({ name: 'library', selection: { query: 'gas' }, view: {} });
  });

  it('reads an empty or unknown hash as the library', () => {
    expect(routeFromHash('')).toEqual({ name: 'library', selection: {}, view: {} });
    expect(routeFromHash('#/nowhere/x')).toEqual({ name: 'library', selection: {}, view: {} });
    expect(routeFromHash('#/entity/')).toEqual({ name: 'library', selection: {}, view: {} });
  });
});
