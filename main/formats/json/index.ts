import { readingResult, type FormatAdapter } from '../adapter';
import { readJsonExport } from './reader';
import { decodeText, describeFile } from '../shared/decodeText';
import { jsonWriter } from './writer';

/** This app's own JSON: written, and read back losslessly. */
export const jsonFormat: FormatAdapter = {
  name: 'json',
  reader: { read: (file) => readingResult(() => readJsonExport(describeFile(file.fileName), decodeText(file.fileName, file.bytes))) },
  writer: jsonWriter,
};
