/**
 * The interop suite (`npm run test:interop`): kitty-origin judged by the real spec-kitty
 * (`SPEC_KITTY`, default `../shared/spec-kitty/bin/spec-kitty`). Kept apart from `npm test`,
 * which needs no Python.
 */
import base from './jest.config.js'

export default {
  ...base,
  testMatch: ['<rootDir>/interop/**/*.test.ts'],
  collectCoverage: false,
  coverageThreshold: undefined,
  maxWorkers: 2,
  testTimeout: 600000
}
