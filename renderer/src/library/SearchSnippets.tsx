import type { SearchSnippet } from '../../../common/api';

/** Where an article matches the search: excerpts of its text with the matched words marked. */
export function SearchSnippets({ snippets }: { snippets: SearchSnippet[] }) {
  if (snippets.length === 0) return null;
  return (
    <div className="search-snippets">
      {snippets.map((snippet, index) => (
        <p key={index} className="search-snippet">
          {snippet.leading && '… '}
          {snippet.segments.map((segment, part) => (segment.match ? <mark key={part}>{segment.text}</mark> : <span key={part}>{segment.text}</span>))}
          {snippet.trailing && ' …'}
        </p>
      ))}
    </div>
  );
}
