/** Jest global setup: the folder where this run's test files share one workflow bundle. */
import { sharedBundleSetup } from './workflowBundle';

export default sharedBundleSetup;
