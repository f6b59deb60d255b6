import { importedArticle } from './importedArticle';
/**
 * The process the crash loop kills: it opens the services on `--db`, starts the backup timer as a host does,
 * and saves and imports as fast as it can, printing one line per acknowledged call (`save ID REVISION MARKER`
 * or `import ID MARKER`) only after the services returned. Run by tests/support/crashLoop.ts; never stops by
 * itself.
 */
import { parseArgs } from 'node:util';
import { openServices } from '../../main/services/index';

const { values } = parseArgs({ options: { db: { type: 'string' }, run: { type: 'string' } } });
const services = openServices({ databasePath: values.db!, userName: 'crash test' });
services.startBackups(() => undefined);
const { handlers } = services;
const run = values.run ?? 'r';

// Each line is written once the call returned: the loop treats it as acknowledged.
function acknowledge(line: string): void {
  process.stdout.write(`${line}\n`);
}

type Block = { type: string; content?: { type: string; text: string }[] };

async function main(): Promise<void> {
  // Saves and imports are what a crash may lose; suggestions would only slow each import down.
  await handlers.setPreferences({ suggestions: { onImport: false, onOpen: false, kinds: [] } });
  const target = importedArticle(await handlers.importText({ text: `Crash target ${run}\n\nParagraph zero.\n\nParagraph one.\n\nParagraph two.` }));
  acknowledge(`import ${target.id} ${run}`);
  const opened = await handlers.getArticle({ id: target.id });
  let revision = opened.revision;
  const content = (opened.doc as { content: Block[] }).content;
  process.stdout.write('ready\n');
  for (let operation = 1; ; operation++) {
    const marker = `m${run}x${operation}`;
    if (operation % 5 === 0) {
      // Imports of growing size, so that some kills land inside a long transaction.
      const filler = 'filler words for a longer import '.repeat(200 * (operation % 4));
      const imported = importedArticle(await handlers.importText({ text: `Import ${marker}\n\n${marker} ${filler}\n\nLast paragraph.` }));
      acknowledge(`import ${imported.id} ${marker}`);
    } else {
      const index = 1 + (operation % 3);
      const text = `Paragraph ${index} says ${marker}.`;
      content[index] = { type: 'paragraph', content: [{ type: 'text', text }] };
      const payload =
        operation % 4 === 0
          ? { doc: { ...(opened.doc as object), content } }
          : { patch: { from: index, to: index + 1, blocks: [{ type: 'paragraph', text }], records: {}, removedRecordIds: [] } };
      const saved = await handlers.saveArticle({ id: target.id, baseRevision: revision, ...payload });
      revision = saved.revision;
      acknowledge(`save ${target.id} ${revision} ${marker}`);
    }
    // Lets the backup timer and stdout run between calls, as a host's event loop would.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

void main();
