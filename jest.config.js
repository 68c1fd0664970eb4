/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Workflow tests bundle the workflow code and start Temporal servers: give them room on a 2-core machine.
  testTimeout: 120000,
  maxWorkers: 2,
};
