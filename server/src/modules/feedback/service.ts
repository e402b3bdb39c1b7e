/** What other parts of the product call: the periodic checks (jobs) and the demo. */
export { fileCase, dueDaysOf } from './cases/intake.ts';
export { runFeedbackOverdueCheck } from './figures/service.ts';
export { runInquiryViolationCheck } from './inquiries/violations.ts';
export { recordInquiry, replyInquiry, receiveInquiry } from './inquiries/service.ts';
