import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start`: finds Electron's binary, prepares a better-sqlite3 build for Electron's ABI beside (never over)
 * the Node build the tests use, builds the app and runs it. Where Electron cannot be had it stops with a
 * message that names `npm run serve`, the browser alternative.
 */

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const projectRequire = createRequire(join(projectRoot, 'package.json'));
const nativeDir = join(projectRoot, '.electron-native');
const electronBindingPath = join(nativeDir, 'better_sqlite3.node');
const stampPath = join(nativeDir, 'stamp.json');

const browserAlternative =
  'Where Electron cannot run, use the app in a browser instead:\n' +
  '  npm run serve -- --db FILE\n' +
  'and open the http://127.0.0.1:... address it prints.';

/** Stops with a message on stderr. */
function fail(message: string): never {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

/** The environment without npm's `npm_config_*` settings, which would send node-gyp to Node's headers (nodedir=/usr). */
function environmentWithoutNpmConfig(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_config_')));
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(projectRequire.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

/**
 * The Electron executable, downloading it on first use as the electron package does. Resolves null when it is
 * missing and cannot be had, with the reason.
 */
function findElectronBinary(): { path: string } | { missing: string } {
  const electronDir = dirname(projectRequire.resolve('electron/package.json'));
  const pathFile = join(electronDir, 'path.txt');
  if (!process.env['ELECTRON_OVERRIDE_DIST_PATH'] && existsSync(pathFile)) {
    const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (existsSync(binary)) return { path: binary };
  }
  if (process.env['ELECTRON_SKIP_BINARY_DOWNLOAD']) {
    return { missing: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not downloaded. Unset it and run `npm start` again.' };
  }
  try {
    // The electron package downloads its binary from github.com when it is first required.
    const binary = projectRequire('electron') as unknown;
    if (typeof binary === 'string' && existsSync(binary)) return { path: binary };
    return { missing: 'The download finished but the executable is not where it should be.' };
  } catch (error) {
    return { missing: `The download failed (${(error as Error).message.split('.')[0]}; details above).` };
  }
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<Buffer> {
  // Only the npx fallback needs a shell (npx.cmd on Windows); everything else runs through this Node.
  return spawnSync(command, args, { cwd, env, stdio: 'inherit', shell: process.platform === 'win32' && command === 'npx' });
}

/** npm's own node-gyp when it can be found (npm tells us where), else whatever npx finds. */
function nodeGypCommand(): { command: string; args: string[] } {
  const candidates = [
    process.env['npm_config_node_gyp'],
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  try {
    candidates.unshift(projectRequire.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // Not installed in the project; npm's copy will do.
  }
  const script = candidates.find((candidate): candidate is string => Boolean(candidate && candidate.endsWith('.js') && existsSync(candidate)));
  return script ? { command: process.execPath, args: [script] } : { command: 'npx', args: ['--yes', 'node-gyp'] };
}

/**
 * Makes sure .electron-native/better_sqlite3.node is built for this Electron version. It is made from a copy of
 * node_modules/better-sqlite3, so the Node build the tests load is never touched; a stamp records what it was
 * built for, so a changed Electron or better-sqlite3 version rebuilds it.
 */
function prepareElectronSqlite(electronVersion: string): void {
  const stamp = JSON.stringify({
    electron: electronVersion,
    betterSqlite3: packageVersion('better-sqlite3'),
    platform: process.platform,
    arch: process.arch,
  });
  if (existsSync(electronBindingPath) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return;

  process.stdout.write(`Preparing better-sqlite3 for Electron ${electronVersion} (first start only; this can take a few minutes)...\n`);
  const sourceDir = dirname(projectRequire.resolve('better-sqlite3/package.json'));
  const buildDir = join(nativeDir, 'build-src');
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(nativeDir, { recursive: true });
  // The Node build's outputs stay behind: a fresh build folder cannot mix the two ABIs.
  cpSync(sourceDir, buildDir, {
    recursive: true,
    filter: (path) => {
      const inside = relative(sourceDir, path);
      return inside !== 'build' && !inside.startsWith(`build${sep}`) && inside !== 'node_modules' && !inside.startsWith(`node_modules${sep}`);
    },
  });
  const builtPath = join(buildDir, 'build', 'Release', 'better_sqlite3.node');
  const env = environmentWithoutNpmConfig();

  const prebuildInstall = createRequire(join(sourceDir, 'package.json')).resolve('prebuild-install/bin.js');
  const downloaded = run(
    process.execPath,
    [prebuildInstall, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform],
    buildDir,
    env,
  );
  if (downloaded.status !== 0 || !existsSync(builtPath)) {
    process.stdout.write('No prebuilt binary could be downloaded; compiling better-sqlite3 against Electron\'s headers instead...\n');
    const nodeGyp = nodeGypCommand();
    run(
      nodeGyp.command,
      [
        ...nodeGyp.args,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${process.arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      buildDir,
      env,
    );
  }
  if (!existsSync(builtPath)) {
    rmSync(buildDir, { recursive: true, force: true });
    fail(
      `Could not build better-sqlite3 for Electron ${electronVersion}: neither a prebuilt download nor a compile worked.\n` +
        'Compiling needs internet access (to electronjs.org for the headers), Python 3 and a C++ compiler.\n' +
        `${browserAlternative}`,
    );
  }
  // Copy then rename, so an interrupted copy never leaves a half-written module that looks ready.
  copyFileSync(builtPath, `${electronBindingPath}.partial`);
  renameSync(`${electronBindingPath}.partial`, electronBindingPath);
  writeFileSync(stampPath, stamp);
  rmSync(buildDir, { recursive: true, force: true });
}

/** The command-line arguments for the app, with `--db` made absolute against the folder npm was run from. */
function forwardedArguments(): string[] {
  const from = process.env['INIT_CWD'] ?? process.cwd();
  const args = process.argv.slice(2);
  return args.map((arg, index) => {
    if (args[index - 1] === '--db') return resolve(from, arg);
    if (arg.startsWith('--db=')) return `--db=${resolve(from, arg.slice(5))}`;
    return arg;
  });
}

function main(): void {
  const electron = findElectronBinary();
  if ('missing' in electron) {
    fail(
      "Electron's binary could not be found or downloaded.\n" +
        `${electron.missing}\n` +
        'The first `npm start` downloads it from github.com, so it needs internet access once ' +
        '(ELECTRON_SKIP_BINARY_DOWNLOAD must not be set).\n' +
        browserAlternative,
    );
  }
  const electronVersion = packageVersion('electron');
  prepareElectronSqlite(electronVersion);

  const electronVite = join(dirname(projectRequire.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const build = run(process.execPath, [electronVite, 'build', '--logLevel', 'warn'], projectRoot, process.env);
  if (build.status !== 0) fail('Building the app failed (see above).');

  // ELECTRON_RUN_AS_NODE would make the binary a plain Node and the app would never open.
  const env = { ...process.env };
  delete env['ELECTRON_RUN_AS_NODE'];
  const child = spawn(electron.path, ['.', ...forwardedArguments()], { cwd: projectRoot, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => fail(`Could not start Electron (${electron.path}): ${error.message}\n${browserAlternative}`));
  child.on('exit', (code, signal) => {
    if (code !== 0 && code !== null) {
      process.stderr.write(
        `\nElectron exited with code ${code}. On Linux, a message about the SUID sandbox means ` +
          `${join(dirname(electron.path), 'chrome-sandbox')} needs to be owned by root with mode 4755.\n${browserAlternative}\n`,
      );
    }
    process.exit(code ?? (signal ? 1 : 0));
  });
}

main();
