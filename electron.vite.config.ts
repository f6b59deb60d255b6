import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// electron-vite only discovers src/main etc. by itself, so every entry of the top-level layout is named here.
export default defineConfig({
  main: {
    build: {
      // The suggestion worker is its own entry: the services start it beside the bundle (see suggestionRunner.ts).
      lib: {
        entry: {
          index: resolve(__dirname, 'main/index.ts'),
          suggestionWorker: resolve(__dirname, 'main/services/suggestionWorker.ts'),
          // The import worker (issue 9's memory bar): imported files are read in it, see importReader.ts.
          importWorker: resolve(__dirname, 'main/services/importWorker.ts'),
        },
      },
      // Their word lists are JSON, which Node imports only with an import attribute the bundle would drop: bundled instead.
      externalizeDeps: { exclude: ['i18n-iso-countries', 'i18n-nationality'] },
    },
  },
  preload: {
    build: {
      // A CommonJS preload is what a sandboxed renderer can load.
      lib: { entry: resolve(__dirname, 'preload/index.ts'), formats: ['cjs'] },
      // A sandboxed preload can require only 'electron': everything else (zod, via common/api) is bundled.
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
