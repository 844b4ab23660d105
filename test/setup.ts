import { Testing } from 'cdktf';
// Brings the matchers' types (jest.Matchers) into the type-check.
import 'cdktf/lib/testing/adapters/jest';

// cdktf's jest matchers: toHaveResource, toHaveResourceWithProperties, ...
Testing.setupJest();
