import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import jsonld, { type Options } from 'jsonld';
import type { RemoteDocument } from 'jsonld/jsonld-spec';
import { sharedRoot } from './taggedSample';

/**
 * The W3C Web Annotation checks, with the standard's own material from ../shared/standards/wadm:
 * the MUST assertions of the W3C test suite (JSON Schema draft-04) and JSON-LD expansion against the
 * local copy of the annotation context, with the network refused.
 */

/** The folder of the W3C annotation test material. */
export const wadmStandardsDir = path.join(sharedRoot, 'standards', 'wadm');

/** One compiled W3C assertion. */
export interface WadmAssertion {
  file: string;
  title: string;
  errorMessage: string;
  expectedResult: 'valid' | 'invalid';
  validate: ValidateFunction;
}

/** An assertion an annotation failed, with why. */
export interface WadmFailure {
  file: string;
  errorMessage: string;
  details: string;
}

interface AssertionSchema {
  title?: string;
  errorMessage?: string;
  expectedResult?: string;
}

/**
 * Compiles every assertion listed in a W3C `.test` file (annotationMusts.test by default) after loading
 * every definitions/*.json, as the test suite's own runner does.
 */
export function loadWadmAssertions(testFile = 'annotations/annotationMusts.test'): WadmAssertion[] {
  // The suite's schemas carry extra keys (assertionType, errorMessage, ...) that strict mode would refuse.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const definitionsDir = path.join(wadmStandardsDir, 'definitions');
  for (const name of readdirSync(definitionsDir).filter((file) => file.endsWith('.json')).sort()) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(definitionsDir, name), 'utf8')));
  }
  const list = JSON.parse(readFileSync(path.join(wadmStandardsDir, testFile), 'utf8')) as { assertions: string[] };
  return list.assertions.map((file) => {
    const schema = JSON.parse(readFileSync(path.join(wadmStandardsDir, file), 'utf8')) as AssertionSchema;
    return {
      file,
      title: schema.title ?? file,
      errorMessage: schema.errorMessage ?? '',
      expectedResult: schema.expectedResult === 'invalid' ? 'invalid' : 'valid',
      validate: ajv.compile(schema as object),
    };
  });
}

/**
 * The assertions `annotation` fails: a "valid" assertion fails when its schema does not match, an
 * "invalid" one when it does.
 */
export function wadmFailures(annotation: unknown, assertions: readonly WadmAssertion[]): WadmFailure[] {
  const failures: WadmFailure[] = [];
  for (const assertion of assertions) {
    const matches = assertion.validate(annotation) as boolean;
    if (matches === (assertion.expectedResult === 'valid')) continue;
    failures.push({
      file: assertion.file,
      errorMessage: assertion.errorMessage,
      details: matches ? 'the schema matched' : JSON.stringify(assertion.validate.errors?.slice(0, 3)),
    });
  }
  return failures;
}

const annoContextUrl = 'http://www.w3.org/ns/anno.jsonld';

/** A JSON-LD document loader that serves the local anno.jsonld for its URL and refuses everything else. */
export async function offlineDocumentLoader(url: string): Promise<RemoteDocument> {
  if (url === annoContextUrl || url === 'https://www.w3.org/ns/anno.jsonld') {
    const document = JSON.parse(readFileSync(path.join(wadmStandardsDir, 'context', 'anno.jsonld'), 'utf8')) as RemoteDocument['document'];
    return { contextUrl: undefined, documentUrl: url, document };
  }
  throw new Error(`The test refuses to load ${url} from the network.`);
}

type ExpandOptions = Options.Expand & { safe?: boolean; eventHandler?: (info: { event: { code: string; message: string } }) => void };

/**
 * Expands a JSON-LD document in safe mode (jsonld 9 throws on any dropped or relative term) and returns the
 * expanded form. Any other warning the processor raises also throws, naming the event.
 */
export async function expandOffline(document: object): Promise<{ expanded: unknown[]; events: string[] }> {
  const events: string[] = [];
  const options: ExpandOptions = {
    documentLoader: offlineDocumentLoader as unknown as Options.Expand['documentLoader'],
    safe: true,
    eventHandler: ({ event }) => {
      // Safe mode's handler runs first and throws on lossy conditions; this one fails on every other warning.
      events.push(`${event.code}: ${event.message}`);
      throw new Error(`JSON-LD expansion event ${event.code}: ${event.message}`);
    },
  };
  const expanded = (await jsonld.expand(document as Parameters<typeof jsonld.expand>[0], options as Options.Expand)) as unknown[];
  return { expanded, events };
}

/**
 * Every property key of an expanded JSON-LD document that is neither a keyword nor an absolute IRI in an
 * allowed namespace. A key with an undefined prefix ("foo:bar") survives expansion as the "IRI" foo:bar,
 * so safe mode alone would not catch it.
 */
export function unexpectedExpandedKeys(expanded: unknown, allowedNamespaces: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (!key.startsWith('@') && !allowedNamespaces.some((namespace) => key.startsWith(namespace))) found.add(key);
      if (key !== '@value') visit(child);
    }
  };
  visit(expanded);
  return [...found];
}

/** The keys of a compact JSON-LD document, outside its `@context` values, for comparing with the expansion. */
export function compactKeys(document: unknown): Set<string> {
  const keys = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      keys.add(key);
      if (key !== '@context') visit(child);
    }
  };
  visit(document);
  return keys;
}
