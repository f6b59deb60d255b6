/** The suggestion pipeline's public surface: one entry point and its plain-data types. */
export { suggestAnnotations } from './suggest';
export { suggestionText } from './analysedText';
export { rejectionLimit } from './registryNames';
export * from './types';
