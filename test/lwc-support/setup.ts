// Runs before every component test: the accessibility matcher `toBeAccessible()`, and one cleanup after
// each test (the DOM, the platform mocks' state and a frozen clock), so no test can leak into the next.
// Importing the package also brings the matcher's type into every component test.
import { registerSa11yMatcher } from '@sa11y/jest';
import { resetPlatformMocks } from './platform';
import { resetDom } from './render';
import { restoreTime } from './time';

registerSa11yMatcher();

afterEach(() => {
  resetDom();
  resetPlatformMocks();
  restoreTime();
});
