/**
 * The one error type. `code` is stable (clients and tests match on it), the message is the
 * Chinese text a person reads, and the status comes from one map at the edge.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  BUNDLE_CYCLE: 400,
  IMPORT_REJECTED: 400,
  WORKBOOK_UNREADABLE: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  /** the login name's progressive delay is running (Retry-After says until when) */
  LOGIN_DELAYED: 429,
  /** the password was right; the account's second factor is asked for */
  TOTP_REQUIRED: 401,
  TOTP_INVALID: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  FOREIGN_ORIGIN: 403,
  NOT_FOUND: 404,
  ITEM_NOT_FOUND: 404,
  BUNDLE_NOT_FOUND: 404,
  GUIDE_VERSION_NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  STALE_VERSION: 409,
  INVALID_STATE: 409,
  GRANT_USED: 409,
  GRANT_EXPIRED: 410,
  GRANT_CANCELLED: 410,
  // queue: the front desk refuses what the queue's state does not allow
  QUEUE_CLOSED: 409,
  OUTSIDE_HOURS: 409,
  NOT_SERVICE_DAY: 409,
  QUOTA_EXCEEDED: 409,
  COUNTER_NOT_OPEN: 409,
  COUNTER_BUSY: 409,
  /** retired (停用): kept for its history, takes no tickets / cannot be opened */
  QUEUE_RETIRED: 409,
  COUNTER_RETIRED: 409,
  NOT_YOUR_TICKET: 403,
  RATING_CLOSED: 409,
  // evaluations: one rating per visit or application, of a finished service, through a valid link
  ALREADY_RATED: 409,
  SERVICE_NOT_FINISHED: 409,
  RATING_LINK_INVALID: 400,
  RATING_LINK_USED: 409,
  RATING_LINK_EXPIRED: 410,
  ADDITION_CLOSED: 409,
  NOT_RATED: 409,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // enterprises, people and licenses: well-formed requests that break a domain rule
  USCC_INVALID: 422,
  ID_NUMBER_INVALID: 422,
  PHONE_INVALID: 422,
  DISTRICT_INVALID: 422,
  INDUSTRY_UNKNOWN: 422,
  INDUSTRY_TOO_BROAD: 422,
  INDICATOR_MISSING: 422,
  INDICATOR_INVALID: 422,
  SIZE_NOT_APPLICABLE: 422,
  DATE_INVALID: 422,
  IMPORT_INVALID: 422,
  LICENSE_NOT_HELD: 422,
  // applications: well-formed requests the standard's rules refuse
  MATERIALS_INCOMPLETE: 422,
  COMMITMENT_NOT_ALLOWED: 422,
  DEFERRAL_NOT_ALLOWED: 422,
  CREDIT_BARRED: 422,
  PICKUP_CODE_WRONG: 422,
  NO_CURRENT_TICKET: 409,
  DEFERRED_MATERIALS_PENDING: 409,
  // appointments (A.6): what cannot be booked, changed or checked in, and why
  APPOINTMENT_NOT_OFFERED: 422,
  DATE_IN_PAST: 422,
  DAY_CLOSED: 422,
  BEYOND_HORIZON: 422,
  SLOT_NOT_FOUND: 422,
  SLOT_STARTED: 422,
  SLOT_FULL: 409,
  ALREADY_BOOKED: 409,
  APPLICANT_BLOCKED: 403,
  CHANGE_CUTOFF_PASSED: 409,
  BOOKING_NOT_FOUND: 404,
  CHECK_IN_TOO_EARLY: 409,
  BOOKING_EXPIRED: 409,
  RATE_LIMITED: 429,
  // evaluations (9.1): callbacks, rectification and appeals refuse what the rules do not allow
  MEASURES_REQUIRED: 422,
  RECTIFICATION_NOT_DONE: 409,
  RATING_NOT_APPEALABLE: 422,
  APPEAL_PENDING: 409,
  SELF_DECISION: 403,
  // policies (6.2.2): rules, publishing, pushes and grants
  RULE_INVALID: 422,
  POLICY_NOT_PUBLISHABLE: 422,
  NOT_MATCHED: 422,
  PUSH_OPTED_OUT: 409,
  ALREADY_VERIFIED: 409,
  // surveys (9.1.1): whom a survey goes to, and its one-use links
  ENTERPRISE_NOT_REGISTERED: 422,
  NO_RECIPIENTS: 422,
  TOO_MANY_RECIPIENTS: 422,
  SURVEY_LINK_INVALID: 400,
  SURVEY_ALREADY_ANSWERED: 409,
  SURVEY_CLOSED: 409,
  SURVEY_LINK_EXPIRED: 410,
  /** an apply-mode policy has no item to apply under online, or the item is not offered online */
  ONLINE_NOT_OFFERED: 409,
  /** the enterprise applied for this policy already and that application is still open or succeeded */
  ALREADY_APPLIED: 409,
  /** staff training (5.2): the clerk lacks a valid qualification the counter's purpose demands */
  QUALIFICATION_MISSING: 422,
  // briefings (6.2.4): registration, check-in at the door and feedback
  BRIEFING_FULL: 409,
  REGISTRATION_CLOSED: 409,
  ALREADY_REGISTERED: 409,
  CANCEL_TOO_LATE: 409,
  CAPACITY_BELOW_REGISTERED: 409,
  CHECK_IN_CODE_NOT_FOUND: 404,
  CHECK_IN_WRONG_EVENT: 409,
  CHECK_IN_CANCELLED: 409,
  ALREADY_CHECKED_IN: 409,
  FEEDBACK_NOT_OPEN: 409,
  NOT_ATTENDED: 409,
  FEEDBACK_ALREADY_GIVEN: 409,
  /** 6.2.1: an agency agreement (委托代办协议) needs the enterprise's signed authorisation */
  AUTHORISATION_REQUIRED: 422,
  /** 6.2.1: a material handed over for agency was returned already */
  ALREADY_RETURNED: 409,
  /** 6.2.1: an agency request is finished only once every material handed over is returned */
  MATERIALS_NOT_RETURNED: 409,
  /** clause 7: a smart locker's pickup code that opened its slot already */
  PICKUP_CODE_USED: 409,
  /** clause 7: the locker slot holds another result, or the locker has no free slot */
  LOCKER_SLOT_TAKEN: 409,
  /** 6.3.6: a scenario or a referral names a professional service provider that is not approved */
  PROVIDER_NOT_APPROVED: 422,
  /** A.7: a supervision (督办) is answered only by its addressee */
  SUPERVISION_NOT_ADDRESSEE: 403,
  /** A.7: an application has one open supervision at a time */
  SUPERVISION_OPEN: 409,
  /** 6.3.2: a cross-region hand-over to a region the item's directory entry does not name */
  ITEM_NOT_IN_REGION_DIRECTORY: 422,
  /** 6.3.2: an imported cross-region result whose signature does not verify */
  BAD_SIGNATURE: 400,
  /** 6.3.2: the imported result belongs to another export package */
  PACKAGE_MISMATCH: 409,
  /** 6.3.2: the hand-over is not in a state that allows this step */
  HANDOVER_STATE: 409,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  // nearby service points (6.3.5): an item the county has not delegated to the point; a center that is not a point
  ITEM_NOT_DELEGATED: 422,
  NOT_A_SERVICE_POINT: 422,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldError = { field: string; message: string };

export class AppError extends Error {
  readonly status: number;
  /** for a 429 (RATE_LIMITED, LOGIN_DELAYED): sent as Retry-After */
  retryAfterSeconds?: number;
  constructor(
    readonly code: ErrorCode,
    /** shown to the person: Simplified Chinese, naming the field where there is one */
    readonly userMessage: string,
    readonly fields?: FieldError[],
    /** for the log only, never sent */
    internal?: string,
  ) {
    super(internal ?? `${code}: ${userMessage}`);
    this.status = ERROR_STATUS[code];
  }
}

/** 429 with Retry-After */
export function rateLimited(message: string, retryAfterSeconds: number): AppError {
  const error = new AppError('RATE_LIMITED', message);
  error.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return error;
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);
export const forbidden = (message = '您没有执行此操作的权限') => new AppError('FORBIDDEN', message);
export const duplicate = (field: string, message: string) =>
  new AppError('DUPLICATE', message, [{ field, message }]);
export const invalidField = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ field, message }]);

export type ErrorBody = { code: ErrorCode; message: string; fields?: FieldError[]; requestId: string };
