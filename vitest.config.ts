import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // IndexedDB tests use fake-indexeddb in node; DOM tests opt into happy-dom per file.
    environment: 'node',
    restoreMocks: true,
  },
});
