import { Testing } from 'cdktf';
// Brings the matchers' types (jest.Matchers) into the type-check.
import 'cdktf/lib/testing/adapters/jest';

// cdktf's jest matchers: toHaveResource, toHaveResourceWithProperties, ...
Testing.setupJest();

// No vacuous passes: a test that reaches its end without one expect() fails.
beforeEach(() => {
  expect.hasAssertions();
});
