/** The workflow functions the worker registers (workflowsPath points here). */
export { meldingWorkflow } from './melding';
export { handoverBaselineWorkflow } from './baseline';
export { opschonenWorkflow } from './pruning';
