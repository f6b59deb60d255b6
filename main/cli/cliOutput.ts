/** Where a command writes: results to `stdout`, messages (warnings, failures) to `stderr`. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}
