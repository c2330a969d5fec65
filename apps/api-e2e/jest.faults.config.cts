// `npm run test:faults`: every fault test (apps/api-e2e/src/faults), the long ones included,
// against a real PostgreSQL. See docs/reliability.md.
const base = require('./jest.config.cts');

module.exports = {
  ...base,
  displayName: 'api-faults',
  testMatch: ['<rootDir>/src/faults/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 600_000,
};
