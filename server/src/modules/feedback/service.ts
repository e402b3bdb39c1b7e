/** What other parts of the product call: the overdue check (jobs) and the demo. */
export { fileCase, dueDaysOf } from './cases/intake.ts';
export { runFeedbackOverdueCheck } from './figures/service.ts';
