/** Transpile-only (swc); types are checked once by `npm run typecheck`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  testTimeout: 30000,
  // Jest's default leaves one core idle (cores - 1): on the 2-core machines that is one worker, and the suite
  // is mostly synth and child processes, so all cores run it in 46 s instead of 74 s.
  maxWorkers: '100%',
};
