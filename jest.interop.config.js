/**
 * The interop suite (`npm run test:interop`): the built bundle against the sandbox servers,
 * judged by the real spec-kitty CLI (`SPEC_KITTY`). Kept apart from `npm test`, which needs
 * no Python. One `spec-kitty init` in the global setup; files run two at a time; the long timeout
 * only guards against a hang (a loaded machine makes each spec-kitty call slow).
 */
import base from './jest.config.js'

export default {
  ...base,
  testMatch: ['<rootDir>/interop/**/*.test.ts'],
  collectCoverage: false,
  coverageThreshold: undefined,
  globalSetup: '<rootDir>/interop/global-setup.js',
  globalTeardown: '<rootDir>/interop/global-teardown.js',
  maxWorkers: 2,
  testTimeout: 1800000
}
