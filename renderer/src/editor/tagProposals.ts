import type { TagRequest } from '../../../common/editor/annotationCommands';

const openingQuotes = /^["“«„']/;
const closingQuotes = /["”»“']$/;

/** Fills in what the words themselves tell about a new tag: a figure's value, a quote's mode. */
export function proposeTagRequest(request: TagRequest, quote: string): TagRequest {
  if (request.kind === 'attribution') {
    const quoted = openingQuotes.test(quote) && closingQuotes.test(quote);
    return { ...request, mode: request.mode ?? (quoted ? 'direct' : 'indirect') };
  }
  return request;
}
