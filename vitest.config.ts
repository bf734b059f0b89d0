import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { ensureLocalAppSecret } from './lib/secrets/local-app-secret';

const root = import.meta.dirname;
// The secret of the local installation, as `npm start` uses it; app instances the tests start inherit it.
const env = { APP_SECRET: process.env.APP_SECRET ?? ensureLocalAppSecret(path.join(root, '.data', 'app-secret')) };
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
      { ...shared, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', env } },
      {
        ...shared,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          env,
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
