import { labels } from '../../../common/model/annotation';
import type { CoMentionedEntity } from '../../../common/entityPage';
import { navigate } from '../navigation/route';
import { countOf } from '../ui/plural';

/** The entities most often mentioned in the same articles, each opening its own page. */
export function CoMentionedEntities({ entities, total }: { entities: CoMentionedEntity[]; total: number }) {
  return (
    <section className="entity-section" aria-labelledby="entity-comentions-heading">
      <h2 id="entity-comentions-heading">
        Mentioned with {total > 0 && <span className="section-count">{countOf(total, 'entity', 'entities')} share an article with it</span>}
      </h2>
      {entities.length === 0 ? (
        <p className="empty-hint">No other registry entity is tagged in the articles that mention this one.</p>
      ) : (
        <table className="desk-table co-mentions">
          <thead>
            <tr>
              <th scope="col">Entity</th>
              <th scope="col">Type</th>
              <th scope="col" className="number">
                Shared articles
              </th>
              <th scope="col" className="number">
                Its mentions there
              </th>
            </tr>
          </thead>
          <tbody>
            {entities.map((entity) => (
              <tr key={entity.entityId} className={`tag-${entity.type}`}>
                <td>
                  <span className="swatch" aria-hidden="true" />{' '}
                  <button type="button" className="link-button" onClick={() => navigate({ name: 'entity', entityId: entity.entityId })}>
                    {entity.name}
                  </button>
                </td>
                <td>{labels[entity.type]}</td>
                <td className="number">{entity.articles.toLocaleString('en')}</td>
                <td className="number">{entity.mentions.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
