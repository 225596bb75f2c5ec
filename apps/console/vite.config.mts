import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const libs = resolve(import.meta.dirname, '../../libs');

/** The console is served by the API process under /console/ (apps/api/src/http/console-static.ts). */
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  // The engine's own vocabularies (pure files, no framework): labels and states are not copied by hand.
  resolve: {
    alias: {
      '@engine/task-vocabulary': resolve(libs, 'workflow/src/state-machine/vocabulary.ts'),
      '@engine/task-states': resolve(libs, 'common/src/tasks/task-states.ts'),
    },
  },
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    rolldownOptions: {
      // antd marks its files "use client" for React Server Components; a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
