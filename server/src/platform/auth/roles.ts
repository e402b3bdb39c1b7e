/** Clause 5.1: the posts of service and management staff. */
export const ROLES = [
  'guide',
  'filing_assistant',
  'counter_clerk',
  'back_office_reviewer',
  'agency_agent',
  'policy_officer',
  'talent_officer',
  'center_manager',
  /** the center's complaint office (A.10): handles complaints and reports, sees confidential complainants */
  'complaint_handler',
  'chief_officer',
  'administrator',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** What a route may demand. Every route names one; there is no default. */
export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'staff.read',
  'staff.manage',
  'audit.read',
  /** the job runs page: schedules, run history, run now */
  'job.manage',
  'calendar.manage',
  'notification.read',
  'catalog.manage',
  'enterprise.read',
  'enterprise.manage',
  'person.unmask',
  'credit.manage',
  'license.manage',
  'license.redeem',
  'application.intake',
  'application.review',
  'application.department',
  'application.deliver',
  'application.figures',
  'application.approve_second_supplement',
  'queue.serve',
  'queue.issue',
  'queue.override_quota',
  'queue.figures',
  'queue.manage',
  'appointment.book_for',
  'appointment.view',
  'appointment.capacity',
  /** staff type in a rating taken by phone (电话回访评价) */
  'evaluation.enter',
  /** handle the callbacks and rectifications of the own department's bad reviews (9.1.2) */
  'evaluation.callback',
  /** see and handle the callbacks and rectifications of every department of the center */
  'evaluation.callback_all',
  /** appeal a review as mistaken or malicious (申诉) */
  'evaluation.appeal',
  /** decide appeals (复核) */
  'evaluation.decide_appeal',
  /** figures, the ratings list and the export */
  'evaluation.figures',
  /** the center's evaluation rules */
  'evaluation.manage',
  /** record a feedback case (诉求) someone brought to them, by any channel */
  'feedback.intake',
  /** handle the cases that concern them: their own, their counter's, their department's */
  'feedback.handle',
  /** see, assign and archive every case of the center */
  'feedback.handle_all',
  /** handle complaints and reports, see a confidential complainant, refer to the discipline body (A.10) */
  'feedback.complaint',
  /** work the 办不成事 desk (with a counter of purpose `unresolved`) */
  'feedback.unresolved',
  /** the response-rate figures (a chief officer: their department's) */
  'feedback.figures',
  /** the due days of each kind of case */
  'feedback.manage',
  /** raise improvements (9.4) */
  'improvement.manage',
  /** re-check improvements (never one's own) */
  'improvement.recheck',
  /** experience officers (9.3): enrol them, schedule their tasks, enter their reports, answer their findings */
  'experience.manage',
  /** record an inquiry one was asked first (首问、首办, A.1, A.2), answer it, receive one transferred to them */
  'inquiry.record',
  /** the first-inquiry violations of the own department's staff and those flagged to them; record their handling */
  'inquiry.violations',
  /** the first-inquiry violations of the whole center */
  'inquiry.violations_all',
  /** satisfaction surveys (9.1.1): the questionnaires, their recipients and results */
  'survey.read',
  /** write, publish, send and close satisfaction surveys */
  'survey.manage',
  /** self-evaluation and third-party evaluation reports (9.1.1) */
  'assessment.read',
  /** record evaluation reports and their findings */
  'assessment.manage',
  /** the policy library, matches, explanations and grants (read) */
  'policy.read',
  /** write, publish, withdraw and push policies */
  'policy.manage',
  /** the issuing department verifies 免申即享 grants and records disbursement */
  'policy.verify',
  /** the center's devices and facilities (4.2.2): read the register, report a fault */
  'facility.report',
  /** register, edit, retire facilities and record their repairs */
  'facility.manage',
  /** staff training and qualification (5.2): courses, certificates, rules, conduct records (read) */
  'training.read',
  /** record courses, sessions, exams, certificates, qualification rules and conduct findings */
  'training.manage',
  /** briefings and training for enterprises (6.2.4): events, registrations, materials, figures */
  'briefing.manage',
  /** check attendees in at the door of a briefing and see the events */
  'briefing.check_in',
  /** talent service (6.2.3): talent profiles and the talent service ledger */
  'talent.manage',
  /** the talent service figures */
  'talent.figures',
  /** 申报辅导 (6.1.2): the assistance ledger, its follow-ups and figures, video sessions */
  'assistance.record',
  /** 6.2.1 帮办代办: agency requests, agreements, materials, activities, follow-ups, key projects, figures */
  'agency.handle',
  /** the high-frequency agency list, the follow-up setting, key projects and their teams */
  'agency.manage',
  /** 一类事 (6.3.6): professional service providers, scenarios, referrals and their outcomes */
  'scenario.manage',
  /** approve, reject or suspend professional service providers */
  'scenario.approve',
  /** A.7 time limits: the warnings raised to me, the figures, an application's time-limit history */
  'time_limit.view',
  /** open a supervision (督办) and set the warning share and escalation step */
  'time_limit.supervise',
  /** reply to a supervision addressed to me */
  'time_limit.reply',
  /** nearby service points (6.3.5): their kind, the items delegated to them (委托受理), their figures */
  'point.manage',
  /** 指挥中心: every target of the standard, its trends and breakdowns, the hall's big screen */
  'command_center.view',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** A route's access rule: a permission, or one of these principals. */
export type Access =
  | Permission
  /** anyone, logged in or not */
  | 'public'
  /** any logged-in staff member or enterprise */
  | 'authenticated'
  /** a logged-in enterprise account (the portal) */
  | 'enterprise';

const ALL_STAFF: Permission[] = ['org.read', 'feedback.intake', 'inquiry.record', 'facility.report'];
/** staff who answer for cases that concern them (their counter, department or self) */
const HANDLES: Permission[] = ['feedback.handle'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  guide: [...ALL_STAFF, ...HANDLES, 'queue.issue', 'queue.override_quota', 'appointment.book_for', 'appointment.view', 'briefing.check_in'],
  filing_assistant: [...ALL_STAFF, ...HANDLES, 'enterprise.read', 'license.redeem', 'assistance.record'],
  counter_clerk: [...ALL_STAFF, ...HANDLES, 'feedback.unresolved', 'enterprise.read', 'person.unmask', 'license.redeem', 'application.intake', 'application.deliver', 'queue.serve', 'queue.override_quota', 'appointment.book_for', 'appointment.view', 'evaluation.enter', 'evaluation.callback', 'evaluation.appeal'],
  back_office_reviewer: [...ALL_STAFF, ...HANDLES, 'enterprise.read', 'person.unmask', 'application.review', 'time_limit.view'],
  agency_agent: [...ALL_STAFF, ...HANDLES, 'enterprise.read', 'license.redeem', 'queue.serve', 'agency.handle', 'application.intake'],
  policy_officer: [...ALL_STAFF, ...HANDLES, 'enterprise.read', 'queue.serve', 'policy.read', 'policy.manage', 'briefing.manage', 'briefing.check_in', 'scenario.manage'],
  talent_officer: [...ALL_STAFF, ...HANDLES, 'enterprise.read', 'queue.serve', 'application.intake', 'talent.manage', 'talent.figures'],
  center_manager: [...ALL_STAFF, ...HANDLES, 'feedback.handle_all', 'feedback.unresolved', 'feedback.figures', 'feedback.manage', 'improvement.manage', 'improvement.recheck', 'inquiry.violations', 'inquiry.violations_all', 'experience.manage', 'staff.read', 'audit.read', 'calendar.manage', 'notification.read', 'catalog.manage', 'enterprise.read', 'application.figures', 'application.approve_second_supplement', 'queue.issue', 'queue.override_quota', 'queue.figures', 'queue.manage', 'appointment.view', 'appointment.capacity', 'evaluation.enter', 'evaluation.callback', 'evaluation.callback_all', 'evaluation.decide_appeal', 'evaluation.figures', 'evaluation.manage', 'survey.read', 'survey.manage', 'assessment.read', 'assessment.manage', 'facility.manage', 'training.read', 'training.manage', 'briefing.manage', 'briefing.check_in', 'talent.figures', 'assistance.record', 'agency.handle', 'agency.manage', 'scenario.manage', 'scenario.approve', 'time_limit.view', 'time_limit.supervise', 'time_limit.reply', 'point.manage', 'command_center.view'],
  complaint_handler: [...ALL_STAFF, ...HANDLES, 'staff.read', 'feedback.handle_all', 'feedback.complaint', 'feedback.figures', 'improvement.manage'],
  chief_officer: [...ALL_STAFF, ...HANDLES, 'feedback.figures', 'improvement.recheck', 'inquiry.violations', 'staff.read', 'enterprise.read', 'person.unmask', 'credit.manage', 'license.manage', 'application.review', 'application.department', 'application.figures', 'application.approve_second_supplement', 'queue.figures', 'appointment.view', 'evaluation.enter', 'evaluation.callback', 'evaluation.appeal', 'evaluation.figures', 'policy.read', 'policy.verify', 'survey.read', 'assessment.read', 'training.read', 'time_limit.view', 'time_limit.reply', 'command_center.view'],
  administrator: [
    ...ALL_STAFF,
    'org.manage',
    'staff.read',
    'staff.manage',
    'audit.read',
    'job.manage',
    'calendar.manage',
    'notification.read',
    'catalog.manage',
    'enterprise.read',
    'enterprise.manage',
    'credit.manage',
    'license.manage',
    'application.figures',
    'queue.figures',
    'queue.manage',
    'appointment.capacity',
    'evaluation.manage',
    'policy.read',
    'policy.manage',
    'point.manage',
  ],
  auditor: [...ALL_STAFF, 'feedback.figures', 'survey.read', 'assessment.read', 'staff.read', 'audit.read', 'notification.read', 'enterprise.read', 'queue.figures', 'evaluation.figures'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return [...new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]))].sort();
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
