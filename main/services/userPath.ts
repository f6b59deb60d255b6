import { resolve } from 'node:path';

/**
 * A path the user typed on a command line, made absolute. npm runs scripts from the package folder, so a
 * relative path resolves against INIT_CWD, the folder the user ran npm from; run directly (tsx, node) it
 * resolves against the working folder as usual.
 */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
