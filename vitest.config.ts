import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      '@': root,
      // 'server-only' throws outside React Server Components; tests import server modules on purpose.
      'server-only': path.join(root, 'tests/support/empty-module.ts'),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      { ...shared, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        ...shared,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          // next-intl imports 'next/navigation' without an extension, which Node's ESM loader cannot resolve; let Vite do it.
          server: { deps: { inline: ['next-intl'] } },
          alias: {
            'next/headers': path.join(root, 'tests/support/next-headers.ts'),
            'next/cache': path.join(root, 'tests/support/next-cache.ts'),
          },
          setupFiles: ['tests/integration/fresh-database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
