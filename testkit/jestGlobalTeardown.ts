/** Jest global teardown: removes this run's shared workflow bundle. */
import { sharedBundleTeardown } from './workflowBundle';

export default sharedBundleTeardown;
