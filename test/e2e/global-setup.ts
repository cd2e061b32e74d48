/**
 * Builds the local app once before any end-to-end test file starts (when packages/app/dist is missing or older than
 * its sources), outside every test's and hook's timeout: a minified build takes minutes on a busy 2-core machine.
 */
import { ensureAppBuilt } from '../../packages/app/chromium';

export default function globalSetup(): void {
  ensureAppBuilt();
}
