import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * Prints the closing `N passed, N failed` line that CI reads, counting every test that ran. A test that was
 * meant to run but never did because its suite's `beforeAll` threw (no browser, no build) counts as failed:
 * vitest reports it as skipped, and CI must not read a broken setup as a clean run.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const testModule of testModules) {
      if (testModule.state() === 'failed' && [...testModule.children.allTests()].length === 0) failed += 1;
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed' || stoppedBySetup(testCase)) failed += 1;
        else skipped += 1;
      }
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}

function stoppedBySetup(testCase: TestCase): boolean {
  if (testCase.options.mode === 'skip' || testCase.options.mode === 'todo') return false;
  for (let parent: TestCase['parent'] | undefined = testCase.parent; parent; parent = parent.type === 'suite' ? parent.parent : undefined) {
    if (parent.errors().length > 0) return true;
  }
  return false;
}
