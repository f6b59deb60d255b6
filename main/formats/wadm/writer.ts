import type { EntityRecord } from '../../../common/api';
import type { FormatWriter, ExportableArticle, ExportResult } from '../adapter';
import { exportText, type ExportText } from '../shared/exportText';
import { exportFileName } from '../shared/fileNames';
import { articleIri, entityIri, externalIdUrl, externalIds } from '../shared/iris';
import { wadmAnnotation, type JsonObject } from './annotationWriter';
import { newsroomKey, wadmContext, wadmMediaType, xsdDateTime } from './vocabulary';

/**
 * W3C Web Annotation export: one AnnotationCollection per article, its annotations embedded in the first
 * (and only) AnnotationPage. Each annotation is complete on its own (it repeats the `@context`), so a
 * consumer can split the page into single annotations. The collection also carries what the targets
 * point into and what the annotations refer to, since `urn:` article IRIs cannot be fetched: the
 * article's plain text (`newsroom:text`, which TextPositionSelectors count code points of) and the
 * registry entities (`newsroom:entities`).
 */

/** The W3C Web Annotation exporter: one `.jsonld` file per article. */
export const wadmWriter: FormatWriter = {
  write: exportWadm,
};

/** Exports one article as a W3C AnnotationCollection. */
export function exportWadm(input: ExportableArticle): ExportResult {
  const exported = exportText(input);
  const collection = wadmCollection(input, exported);
  const warnings: string[] = [];
  if (exported.detached.length > 0) {
    warnings.push(`${exported.detached.length} annotation(s) no longer cover any text (flagged for review); they target the whole article: ${exported.detached.map((record) => record.id).join(', ')}.`);
  }
  if (exported.orphanMarkIds.length > 0) warnings.push(`Tags without an annotation record were left out: ${exported.orphanMarkIds.join(', ')}.`);
  return {
    files: [{ fileName: exportFileName(input.article.title, input.article.id, 'jsonld'), mimeType: wadmMediaType, content: `${JSON.stringify(collection, null, 2)}\n` }],
    warnings,
  };
}

/** The AnnotationCollection of one article, as a JSON-LD object. */
export function wadmCollection(input: ExportableArticle, exported: ExportText = exportText(input)): JsonObject {
  const source = articleIri(input.article.id);
  const collectionId = `${source}:annotations`;
  const context = { articleId: input.article.id, articleIri: source, exported, entities: input.entities };
  const items = exported.annotations.map((annotation) => wadmAnnotation(annotation, context));
  const modified = xsdDateTime(input.article.updatedAt);
  return {
    '@context': [...wadmContext],
    id: collectionId,
    type: 'AnnotationCollection',
    label: input.article.title,
    total: items.length,
    ...(modified ? { modified } : {}),
    [newsroomKey('article')]: {
      id: source,
      [newsroomKey('title')]: input.article.title,
      [newsroomKey('status')]: input.article.status,
      [newsroomKey('text')]: exported.text,
      [newsroomKey('textLength')]: exported.codePointLength,
      [newsroomKey('offsetUnit')]: 'Unicode code point',
    },
    [newsroomKey('entities')]: [...input.entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(entityJson),
    first: {
      id: `${collectionId}:page:0`,
      type: 'AnnotationPage',
      partOf: collectionId,
      startIndex: 0,
      items,
    },
  };
}

/** A registry entity: our fields under `newsroom:`, external ids that have URLs also as owl:sameAs links. */
function entityJson(entity: EntityRecord): JsonObject {
  const ids = externalIds(entity.externalIds);
  const sameAs = ids.map(externalIdUrl).filter((url): url is string => url !== null).map((url) => ({ id: url }));
  return {
    id: entityIri(entity.id),
    [newsroomKey('entityId')]: entity.id,
    [newsroomKey('name')]: entity.name,
    [newsroomKey('entityType')]: entity.type,
    [newsroomKey('aliases')]: [...entity.aliases],
    [newsroomKey('externalIds')]: ids.map((id) => ({ [newsroomKey('scheme')]: id.scheme, [newsroomKey('value')]: id.value })),
    [newsroomKey('description')]: entity.description,
    ...(sameAs.length > 0 ? { 'owl:sameAs': sameAs } : {}),
  };
}
