import { runCli } from './runCli';

/** The command-line entry point: `npm run --silent cli -- import FILE... --db DB` or `... list --db DB`. */
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
