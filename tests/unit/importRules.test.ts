import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/taggedSample';

// The project's import rules run by the real dependency-cruiser CLI over a small tree in the target layout:
// every allowed kind of import passes, and each forbidden one is reported under the rule that names it.

const allowed: Record<string, string> = {
  'main/index.ts': "import { app } from 'electron';\nimport { openWindow } from './electron/window';\nimport { services } from './services/api';\nexport const started = [app, openWindow, services];\n",
  'main/electron/window.ts': "import { BrowserWindow } from 'electron';\nimport { services } from '../services/api';\nexport const openWindow = () => [BrowserWindow, services];\n",
  'main/host/server.ts': "import { services } from '../services/api';\nexport const serve = () => services;\n",
  'main/cli/run.ts': "import { services } from '../services/api';\nexport const run = () => services;\n",
  'main/launcher/start.ts': "import { spawn } from 'node:child_process';\nexport const start = spawn;\n",
  'main/services/api.ts':
    "import { readNitf } from '../formats/nitf/read';\nimport { saveArticle } from '../store/repo';\nimport { articleSchema } from '../../common/model';\nexport const services = [readNitf, saveArticle, articleSchema];\n",
  'main/formats/shared/xml.ts': 'export const escapeXml = (text: string) => text;\n',
  'main/formats/nitf/read.ts': "import { escapeXml } from '../shared/xml';\nimport { articleSchema } from '../../../common/model';\nexport const readNitf = [escapeXml, articleSchema];\n",
  'main/store/repo.ts': "import type { Article } from '../../common/model';\nexport const saveArticle = (article: Article) => article;\n",
  'common/zodConfig.ts': "import { z } from 'zod';\nz.config({ jitless: true });\nexport { z };\n",
  'common/model.ts': "import { z } from './zodConfig';\nexport const articleSchema = z.object({ title: z.string() });\nexport type Article = z.infer<typeof articleSchema>;\n",
  'preload/index.ts': "import { contextBridge } from 'electron';\nimport { articleSchema } from '../common/model';\nexport const bridge = [contextBridge, articleSchema];\n",
  'renderer/src/main.tsx': "import { articleSchema } from '../../common/model';\nexport const App = () => <p>{String(articleSchema)}</p>;\n",
  // Tests may reach into any layer and import packages directly.
  'tests/hosts.test.ts': "import { z } from 'zod';\nimport { serve } from '../main/host/server';\nimport { run } from '../main/cli/run';\nexport const all = [z, serve, run];\n",
};

const forbidden: { file: string; source: string; rule: string }[] = [
  { file: 'main/electron/usesHost.ts', source: "export * from '../host/server';\n", rule: 'electron-glue-imports-no-other-host' },
  { file: 'main/host/usesCli.ts', source: "export * from '../cli/run';\n", rule: 'loopback-host-imports-no-other-host' },
  { file: 'main/cli/usesLauncher.ts', source: "export * from '../launcher/start';\n", rule: 'cli-imports-no-other-host' },
  { file: 'main/launcher/usesElectronGlue.ts', source: "export * from '../electron/window';\n", rule: 'launcher-imports-no-other-host' },
  { file: 'main/services/usesHost.ts', source: "export * from '../host/server';\n", rule: 'services-import-no-host' },
  { file: 'main/formats/docx/usesServices.ts', source: "export * from '../../services/api';\n", rule: 'formats-import-no-services-or-hosts' },
  { file: 'main/store/usesCli.ts', source: "export * from '../cli/run';\n", rule: 'store-imports-no-services-or-hosts' },
  { file: 'main/formats/csv/usesStore.ts', source: "export * from '../../store/repo';\n", rule: 'formats-import-no-store' },
  { file: 'main/store/usesFormat.ts', source: "export * from '../formats/nitf/read';\n", rule: 'store-imports-no-formats' },
  { file: 'common/usesMain.ts', source: "export * from '../main/services/api';\n", rule: 'common-imports-nothing-outside-common' },
  { file: 'main/services/usesElectron.ts', source: "export { app } from 'electron';\n", rule: 'only-electron-glue-imports-electron' },
  { file: 'renderer/src/usesMain.ts', source: "export * from '../../main/services/api';\n", rule: 'renderer-imports-nothing-from-main-or-preload' },
  { file: 'preload/usesMain.ts', source: "export * from '../main/services/api';\n", rule: 'preload-imports-only-common' },
  { file: 'main/services/usesRenderer.ts', source: "export * from '../../renderer/src/main';\n", rule: 'main-imports-nothing-from-renderer-or-preload' },
  { file: 'renderer/src/usesZod.ts', source: "export { z } from 'zod';\n", rule: 'zod-only-through-zodConfig' },
  { file: 'main/services/broken.ts', source: "export * from './missing';\n", rule: 'imports-resolve' },
];

// Each circle is reported once, with its members.
const circles: Record<string, string>[] = [
  // A circle closed by type-only imports is still a circle.
  {
    'main/formats/json/circleA.ts': "import type { B } from './circleB';\nexport type A = { b?: B };\n",
    'main/formats/json/circleB.ts': "import type { A } from './circleA';\nexport type B = { a?: A };\n",
  },
  // Tests may import any layer, but not in a circle.
  {
    'tests/support/circleA.ts': "import { b } from './circleB';\nexport const a = () => b;\n",
    'tests/support/circleB.ts': "import { a } from './circleA';\nexport const b = () => a;\n",
  },
];

interface Violation {
  from: string;
  rule: { name: string; severity: string };
  cycle?: { name: string }[];
}

/** How a test names a violation: the rule, then the module it is reported from (a circle: all its members). */
function violationKey(violation: Violation): string {
  const modules = violation.cycle ? violation.cycle.map((member) => member.name).sort() : [violation.from];
  return `${violation.rule.name}: ${modules.join(' + ')}`;
}

/** Runs `npm run lint:imports`'s own command line in `root`, with the project's config; `outputType` replaces its reporter. */
function lintImports(root: string, outputType?: 'json'): { status: number | null; stdout: string } {
  const script = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['lint:imports']!;
  const [command, ...args] = script.split(' ');
  if (command !== 'depcruise') throw new Error(`lint:imports no longer runs depcruise: ${script}`);
  const cli = path.join(projectRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const projectArgs = args.map((arg) => (arg === '.dependency-cruiser.cjs' ? path.join(projectRoot, arg) : arg));
  const run = spawnSync(process.execPath, [cli, ...projectArgs, ...(outputType ? ['--output-type', outputType] : []), '--no-cache'], { cwd: root, encoding: 'utf8' });
  if (!run.stdout) throw new Error(`dependency-cruiser printed nothing: ${run.stderr}`);
  return { status: run.status, stdout: run.stdout };
}

describe('the import rules in .dependency-cruiser.cjs', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'import-rules-'));
    const files = [...Object.entries(allowed), ...forbidden.map(({ file, source }) => [file, source] as const), ...circles.flatMap((circle) => Object.entries(circle))];
    for (const [file, source] of files) {
      mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(root, file), source);
    }
    writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true } }));
    symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('passes the allowed imports and reports each forbidden one under its rule, as an error', () => {
    const { violations } = (JSON.parse(lintImports(root, 'json').stdout) as { summary: { violations: Violation[] } }).summary;
    const expected = [...forbidden.map(({ file, rule }) => `${rule}: ${file}`), ...circles.map((circle) => `no-import-circles: ${Object.keys(circle).sort().join(' + ')}`)];
    expect(violations.map(violationKey).sort()).toEqual(expected.sort());
    expect(new Set(violations.map((violation) => violation.rule.severity))).toEqual(new Set(['error']));
  });

  it('fails npm test with the rule, the import and the reason', () => {
    const { status, stdout } = lintImports(root);
    expect(status).not.toBe(0);
    expect(stdout).toContain('error services-import-no-host: main/services/usesHost.ts → main/host/server.ts');
    expect(stdout).toMatch(/main\/services\/ runs unchanged under every host/);
  });
});
