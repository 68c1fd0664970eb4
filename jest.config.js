/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js)$': ['@swc/jest'] },
  // `cookie` is ESM-only and @fastify/cookie loads it with a dynamic import; Jest runs our tests as
  // CommonJS, so these two are compiled to CommonJS like our own code. Everything else is untouched.
  transformIgnorePatterns: ['/node_modules/(?!(cookie|@fastify/cookie|openid-client|oauth4webapi|jose)/)'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // The workflow code is bundled once per run and shared by every test file that runs a worker.
  globalSetup: '<rootDir>/testkit/jestGlobalSetup.ts',
  globalTeardown: '<rootDir>/testkit/jestGlobalTeardown.ts',
  // Workflow tests start Temporal servers: give them room on a 2-core machine.
  testTimeout: 120000,
  maxWorkers: 2,
};
