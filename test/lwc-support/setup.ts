// Runs before every component test: the accessibility matcher `toBeAccessible()`.
import { registerSa11yMatcher } from '@sa11y/jest';
// Also brings the matcher's type into every component test.
import '@sa11y/jest';

registerSa11yMatcher();
