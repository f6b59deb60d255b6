// Import rules: every dependency runs one way. `npm test` runs them first (`npm run lint:imports`), so a wrong
// import fails the build with the rule's name and the reason below.
//
//   hosts        Electron glue (main/electron/, main/index.ts), loopback HTTP host (main/host/), command line
//                (main/cli/), npm start's launcher (main/launcher/): peers, none importing another
//   services     main/services/: under the hosts
//   formats      main/formats/<format>/ and main/formats/shared/; store main/store/: under the services,
//                independent of each other
//   common       common/ (the model, the schema, the API contract): under everything, importing nothing of ours
//   renderer     renderer/: the page; it reaches main only through the contract in common/
//   preload      preload/: exposes that contract to the page; with the Electron glue, the only importer of electron
//
// zod is imported only through common/zodConfig.ts, which switches on its jitless mode (the app's CSP needs it).
// Tests and benchmarks may import any layer, but must not close an import circle.

const electronGlue = '^main/(?:electron/|index\\.ts$)';
const loopbackHost = '^main/host/';
const commandLine = '^main/cli/';
const launcher = '^main/launcher/';
const hosts = [electronGlue, loopbackHost, commandLine, launcher];
const services = '^main/services/';
const formats = ['^main/formats/'];
const store = '^main/store/';
const sourceFolders = '^(?:main|common|preload|renderer)/';
// A package as dependency-cruiser resolves it: a path inside node_modules.
const npmPackage = (name) => `(?:^|/)node_modules/${name}/`;

/** A rule that host `from` imports none of the other hosts. */
function hostImportsNoOtherHost(name, from, hostName) {
  return {
    name,
    severity: 'error',
    comment: `${hostName} is a host; hosts are peers over the services and never import one another. Move what they share into main/services/ (or common/).`,
    from: { path: from },
    to: { path: hosts.filter((host) => host !== from) },
  };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    hostImportsNoOtherHost('electron-glue-imports-no-other-host', electronGlue, 'The Electron glue (main/electron/, main/index.ts)'),
    hostImportsNoOtherHost('loopback-host-imports-no-other-host', loopbackHost, 'The loopback host (main/host/)'),
    hostImportsNoOtherHost('cli-imports-no-other-host', commandLine, 'The command line (main/cli/)'),
    hostImportsNoOtherHost('launcher-imports-no-other-host', launcher, "npm start's launcher (main/launcher/)"),
    {
      name: 'services-import-no-host',
      severity: 'error',
      comment: 'main/services/ runs unchanged under every host, so it imports none of them (main/electron/, main/index.ts, main/host/, main/cli/, main/launcher/).',
      from: { path: services },
      to: { path: hosts },
    },
    {
      name: 'formats-import-no-services-or-hosts',
      severity: 'error',
      comment: 'A format adapter (main/formats/) sits under the services: it reads and writes files and returns errors as values, and imports neither main/services/ nor a host.',
      from: { path: formats },
      to: { path: [services, ...hosts] },
    },
    {
      name: 'store-imports-no-services-or-hosts',
      severity: 'error',
      comment: 'The store (main/store/) sits under the services and imports neither main/services/ nor a host.',
      from: { path: store },
      to: { path: [services, ...hosts] },
    },
    {
      name: 'formats-import-no-store',
      severity: 'error',
      comment: 'Formats (main/formats/) and the store (main/store/) are independent: a format reads and writes files, the services store what it read.',
      from: { path: formats },
      to: { path: store },
    },
    {
      name: 'store-imports-no-formats',
      severity: 'error',
      comment: 'The store (main/store/) and formats (main/formats/) are independent: the store speaks SQL only, the services hand it what a format read.',
      from: { path: store },
      to: { path: formats },
    },
    {
      name: 'common-imports-nothing-outside-common',
      severity: 'error',
      comment: 'common/ is shared by the renderer, the preload and main, so it imports nothing of ours outside common/ (packages are fine).',
      from: { path: '^common/' },
      to: { pathNot: ['^common/', '(?:^|/)node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'only-electron-glue-imports-electron',
      severity: 'error',
      comment: "Only the Electron glue (main/electron/, main/index.ts) and preload/ import 'electron': everything else also runs in Node, tests and the browser, where importing electron fails.",
      from: { path: sourceFolders, pathNot: [electronGlue, '^preload/'] },
      to: { path: npmPackage('electron') },
    },
    {
      name: 'renderer-imports-nothing-from-main-or-preload',
      severity: 'error',
      comment: 'The renderer talks to main only through the contract in common/api.ts (window.annotator); it imports nothing from main/ or preload/.',
      from: { path: '^renderer/' },
      to: { path: '^(?:main|preload)/' },
    },
    {
      name: 'preload-imports-only-common',
      severity: 'error',
      comment: 'The preload exposes the contract in common/api.ts and nothing else; it imports nothing from main/ or renderer/.',
      from: { path: '^preload/' },
      to: { path: '^(?:main|renderer)/' },
    },
    {
      name: 'main-imports-nothing-from-renderer-or-preload',
      severity: 'error',
      comment: 'main/ never imports the page (renderer/) or the preload; what both sides need lives in common/.',
      from: { path: '^main/' },
      to: { path: '^(?:renderer|preload)/' },
    },
    {
      name: 'zod-only-through-zodConfig',
      severity: 'error',
      comment: "Import z from common/zodConfig.ts, not from 'zod': it sets zod's jitless mode before any schema is built, which the app's CSP needs.",
      from: { path: sourceFolders, pathNot: '^common/zodConfig\\.ts$' },
      to: { path: npmPackage('zod') },
    },
    {
      name: 'no-import-circles',
      severity: 'error',
      comment: 'This import closes a circle. Every dependency runs one way: move what both sides need into a module they can both import.',
      from: { path: '^(?:main|common|preload|renderer|tests)/' },
      to: { circular: true },
    },
    {
      name: 'imports-resolve',
      severity: 'error',
      comment: 'This import cannot be resolved to a file or an installed package.',
      from: { path: '^(?:main|common|preload|renderer|tests)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Packages are named by their place in this project's node_modules, even where it is a symlink.
    preserveSymlinks: true,
    exclude: { path: ['^out/', '^\\.tmp/'] },
    // Type-only imports count: a circle of types is still a circle a reader has to untangle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    // Unchanged files are not parsed again on the next run (checked by content, so branch switches are safe).
    cache: { folder: '.tmp/dependency-cruiser', strategy: 'content' },
  },
};
