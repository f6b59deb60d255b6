import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { createSuggestionRunner } from '../../main/services/suggestionRunner';

// The nice value of every thread of this process, from Linux's per-thread stat files.
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((threadId) => {
    const stat = readFileSync(`/proc/self/task/${threadId}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces: state is field 3, nice field 19.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

const runner = createSuggestionRunner();
afterAll(() => runner.close());

describe.runIf(process.platform === 'linux')('the suggestion worker on Linux', () => {
  it('runs at a lower priority than the thread that asked, which keeps its own', async () => {
    const lowered = () => threadNiceValues().filter((nice) => nice > 0).length;
    const before = lowered();
    const result = await runner.suggest({ blocks: [{ text: 'Mayor Anna Berg spoke in Millbrook on Monday.', type: 'paragraph' }], registry: [], rejected: [] }, { kinds: ['entity'] });
    expect(result.entities.map((entity) => entity.text)).toContain('Anna Berg');
    expect(lowered()).toBe(before + 1);
    expect(getPriority(0)).toBe(0);
  });
});
