import { z } from 'zod';

/**
 * zod, configured once for every process that loads it: the renderer, the preload, main and the tests.
 * Jitless, because zod otherwise probes for `new Function` when the first object schema is built, and under
 * the app's CSP (no 'unsafe-eval') that probe is reported as a violation on every page even though zod
 * catches it. The probe runs as schemas are defined, not when they first parse, so every module that defines
 * schemas imports `z` from here rather than from 'zod'; the import rules keep it that way.
 */
z.config({ jitless: true });

export { z };
