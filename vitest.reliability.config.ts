import { defineConfig } from 'vitest/config';

// `npm run test:reliability` (not part of `npm test`): test/reliability/*.rel.ts, one file, in order
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.rel.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 900_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
