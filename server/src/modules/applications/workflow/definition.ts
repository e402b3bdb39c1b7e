/**
 * The application workflow, declared as data: states, actions, who may take each action, and
 * the timers that act on their own. Single-item applications, bundle applications (一件事) and
 * their children (one per member item) share it; each action says which of them it applies to.
 * The service never changes a state except through `requireTransition`. `APPLICATION_WORKFLOW` (at
 * the end) puts them together with the platform's `defineWorkflow()`.
 */
import { defineWorkflow } from '../../../platform/workflow/define.ts';

export const APPLICATION_STATES = [
  'received',
  'awaiting_supplement',
  'supplement_approval',
  'declined',
  'in_review',
  'review_supplement',
  'special_procedure',
  'lead_decision',
  'approved',
  'rejected',
  'delivering',
  'delivered',
  'stopped',
  'revoked',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** single: one item on its own; bundle: a 一件事 application; child: one member item of a bundle. */
export const APPLICATION_KINDS = ['single', 'bundle', 'child'] as const;
export type WorkflowKind = (typeof APPLICATION_KINDS)[number];

/**
 * Who acts: a staff permission, the applicant itself (an enterprise signed in on the portal,
 * applying online), or the system (a timer or another application's change).
 */
export type Actor =
  | 'applicant'
  | 'application.intake'
  | 'application.review'
  | 'application.department'
  | 'application.deliver'
  | 'application.approve_second_supplement'
  | 'system';

export const APPLICATION_ACTIONS = [
  'receive',
  'record_material',
  'accept',
  'accept_with_deferral',
  'accept_with_bundle',
  'request_supplement',
  'resubmit',
  'decline',
  'decline_with_bundle',
  'approve_supplement',
  'refuse_supplement',
  'approve_review_supplement',
  'refuse_review_supplement',
  'flag_notice_overdue',
  'take',
  'reassign',
  'approve',
  'reject',
  'return_for_supplement',
  'supplement_received',
  'start_special_procedure',
  'end_special_procedure',
  'uphold_rejection',
  'return_to_review',
  'children_changed',
  'supply_deferred',
  'expire_deferral',
  'hand_over',
  'mail',
  'confirm_delivery',
  'deliver_electronically',
  'deliver_with_bundle',
  'verify_commitment',
  'find_false_commitment',
  'flag_verification_overdue',
  'pickup_from_locker',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export type StateInfo = {
  label: string;
  /** nothing more happens (except what a timer on the commitment may still find) */
  isTerminal: boolean;
  /** the promised time limit is running */
  isClockRunning: boolean;
  /** the clock stands still (special procedure, supplement during review) */
  isClockPaused: boolean;
};

export type ActionInfo = {
  label: string;
  /** null: the action creates the application */
  from: readonly ApplicationState[] | null;
  /** every state the action may lead to (the service picks one by the facts); 'unchanged': the state stays */
  to: readonly ApplicationState[] | 'unchanged';
  actors: readonly Actor[];
  kinds: readonly WorkflowKind[];
};

export const STATES: Record<ApplicationState, StateInfo> = {
  received: { label: '已收件', isTerminal: false, isClockRunning: false, isClockPaused: false },
  awaiting_supplement: { label: '待补正', isTerminal: false, isClockRunning: false, isClockPaused: false },
  supplement_approval: { label: '再次补正待审批', isTerminal: false, isClockRunning: false, isClockPaused: true },
  declined: { label: '不予受理', isTerminal: true, isClockRunning: false, isClockPaused: false },
  in_review: { label: '审查中', isTerminal: false, isClockRunning: true, isClockPaused: false },
  review_supplement: { label: '审查中补正', isTerminal: false, isClockRunning: false, isClockPaused: true },
  special_procedure: { label: '特别程序', isTerminal: false, isClockRunning: false, isClockPaused: true },
  lead_decision: { label: '待牵头部门决定', isTerminal: false, isClockRunning: true, isClockPaused: false },
  approved: { label: '准予许可（待出件）', isTerminal: false, isClockRunning: false, isClockPaused: false },
  rejected: { label: '不予许可（待送达）', isTerminal: false, isClockRunning: false, isClockPaused: false },
  delivering: { label: '寄送中', isTerminal: false, isClockRunning: false, isClockPaused: false },
  delivered: { label: '已办结送达', isTerminal: true, isClockRunning: false, isClockPaused: false },
  stopped: { label: '终止办理', isTerminal: true, isClockRunning: false, isClockPaused: false },
  revoked: { label: '已撤销', isTerminal: true, isClockRunning: false, isClockPaused: false },
};

const INTAKE = 'application.intake';
const REVIEW = 'application.review';
const DEPARTMENT = 'application.department';
const DELIVER = 'application.deliver';
const SECOND_SUPPLEMENT = 'application.approve_second_supplement';
const OWN: readonly WorkflowKind[] = ['single', 'bundle'];
const REVIEWED: readonly WorkflowKind[] = ['single', 'child'];
const ALL: readonly WorkflowKind[] = ['single', 'bundle', 'child'];
const UNDER_REVIEW: readonly ApplicationState[] = ['in_review', 'special_procedure', 'review_supplement', 'lead_decision', 'supplement_approval'];
const DECIDED: readonly ApplicationState[] = ['approved', 'rejected'];
const RESULT_OUT: readonly ApplicationState[] = ['approved', 'delivering', 'delivered'];

export const ACTIONS: Record<ApplicationAction, ActionInfo> = {
  // an enterprise applies online for a single item (网上申报); a clerk then checks it like any other
  receive: { label: '收件', from: null, to: ['received'], actors: [INTAKE, 'applicant'], kinds: OWN },
  record_material: {
    label: '登记材料',
    from: ['received', 'awaiting_supplement', 'review_supplement', 'in_review', 'special_procedure', 'lead_decision'],
    to: 'unchanged',
    // the applicant of an online application uploads what is still owed (the service allows nothing else)
    actors: [INTAKE, 'applicant'],
    kinds: OWN,
  },
  accept: { label: '受理', from: ['received'], to: ['in_review'], actors: [INTAKE], kinds: OWN },
  accept_with_deferral: { label: '容缺受理', from: ['received'], to: ['in_review'], actors: [INTAKE], kinds: OWN },
  accept_with_bundle: { label: '随一件事受理', from: ['received'], to: ['in_review'], actors: ['system'], kinds: ['child'] },
  request_supplement: {
    label: '一次性告知补正',
    from: ['received'],
    to: ['awaiting_supplement', 'supplement_approval'],
    actors: [INTAKE],
    kinds: OWN,
  },
  resubmit: { label: '补正材料后重新收件', from: ['awaiting_supplement'], to: ['received'], actors: [INTAKE], kinds: OWN },
  decline: { label: '不予受理', from: ['received', 'awaiting_supplement'], to: ['declined'], actors: [INTAKE], kinds: OWN },
  decline_with_bundle: { label: '随一件事不予受理', from: ['received'], to: ['declined'], actors: ['system'], kinds: ['child'] },
  approve_supplement: { label: '批准再次补正', from: ['supplement_approval'], to: ['awaiting_supplement'], actors: [SECOND_SUPPLEMENT], kinds: OWN },
  refuse_supplement: { label: '不同意再次补正', from: ['supplement_approval'], to: ['received'], actors: [SECOND_SUPPLEMENT], kinds: OWN },
  approve_review_supplement: { label: '批准审查中再次补正', from: ['supplement_approval'], to: ['review_supplement'], actors: [SECOND_SUPPLEMENT], kinds: REVIEWED },
  refuse_review_supplement: { label: '不同意审查中再次补正', from: ['supplement_approval'], to: ['in_review'], actors: [SECOND_SUPPLEMENT], kinds: REVIEWED },
  flag_notice_overdue: { label: '超过 5 日未告知，视为自收件之日起受理', from: ['received'], to: 'unchanged', actors: ['system'], kinds: OWN },
  take: { label: '领取审查', from: ['in_review'], to: 'unchanged', actors: [REVIEW], kinds: REVIEWED },
  reassign: {
    label: '改派审查人',
    from: ['in_review', 'special_procedure', 'review_supplement', 'lead_decision'],
    to: 'unchanged',
    actors: [DEPARTMENT],
    kinds: REVIEWED,
  },
  approve: { label: '审查通过', from: ['in_review'], to: ['in_review', 'approved'], actors: [REVIEW], kinds: REVIEWED },
  reject: { label: '审查不通过', from: ['in_review'], to: ['rejected', 'lead_decision'], actors: [REVIEW], kinds: REVIEWED },
  return_for_supplement: {
    label: '退回补正',
    from: ['in_review'],
    to: ['review_supplement', 'supplement_approval'],
    actors: [REVIEW],
    kinds: REVIEWED,
  },
  supplement_received: { label: '收到补正材料', from: ['review_supplement'], to: ['in_review'], actors: [INTAKE], kinds: REVIEWED },
  start_special_procedure: { label: '启动特别程序', from: ['in_review'], to: ['special_procedure'], actors: [REVIEW], kinds: REVIEWED },
  end_special_procedure: {
    label: '特别程序结束',
    from: ['special_procedure'],
    to: ['in_review'],
    actors: [REVIEW, 'system'],
    kinds: REVIEWED,
  },
  uphold_rejection: { label: '牵头部门维持不予许可', from: ['lead_decision'], to: ['rejected'], actors: [REVIEW], kinds: REVIEWED },
  return_to_review: { label: '牵头部门退回重新审查', from: ['lead_decision'], to: ['in_review'], actors: [REVIEW], kinds: REVIEWED },
  children_changed: {
    label: '一件事进度更新',
    from: ['in_review', 'lead_decision'],
    to: ['in_review', 'lead_decision', 'approved', 'rejected'],
    actors: ['system'],
    kinds: ['bundle'],
  },
  supply_deferred: {
    label: '补齐容缺材料',
    from: UNDER_REVIEW,
    to: 'unchanged',
    actors: [INTAKE],
    kinds: OWN,
  },
  expire_deferral: { label: '容缺材料逾期未补齐，终止办理', from: UNDER_REVIEW, to: ['stopped'], actors: ['system'], kinds: ALL },
  hand_over: { label: '窗口领取', from: DECIDED, to: ['delivered'], actors: [DELIVER], kinds: OWN },
  mail: { label: '邮寄送达', from: DECIDED, to: ['delivering'], actors: [DELIVER], kinds: OWN },
  confirm_delivery: { label: '确认签收', from: ['delivering'], to: ['delivered'], actors: [DELIVER], kinds: OWN },
  deliver_electronically: { label: '电子送达', from: DECIDED, to: ['delivered'], actors: [DELIVER], kinds: OWN },
  deliver_with_bundle: { label: '随一件事出件', from: ['approved', 'rejected', 'delivering'], to: ['delivering', 'delivered'], actors: ['system'], kinds: ['child'] },
  verify_commitment: { label: '承诺核查属实', from: RESULT_OUT, to: 'unchanged', actors: [REVIEW], kinds: ['single'] },
  find_false_commitment: { label: '承诺不实，撤销决定', from: RESULT_OUT, to: ['revoked'], actors: [REVIEW], kinds: ['single'] },
  flag_verification_overdue: { label: '承诺核查逾期提醒', from: RESULT_OUT, to: 'unchanged', actors: ['system'], kinds: ['single'] },
  // clause 7: the applicant takes the result from a smart locker with the one-time code (the locker acts)
  pickup_from_locker: { label: '智能柜自取', from: DECIDED, to: ['delivered'], actors: ['system'], kinds: OWN },
};

/** What acts by itself, and when: each timer takes one action on the applications it finds due. */
export type TimerInfo = { label: string; states: readonly ApplicationState[]; action: ApplicationAction; kinds: readonly WorkflowKind[] };

export const TIMER_NAMES = ['notice_deadline', 'special_procedure_max', 'deferral_deadline', 'verification_due'] as const;
export type TimerName = (typeof TIMER_NAMES)[number];

/** Working days after receipt within which a written notice (acceptance, supplement or non-acceptance) is due (FACTS §7). */
export const NOTICE_WORKING_DAYS = 5;
/** The share of the promised time used at which an application turns to a warning. */
export const WARNING_SHARE = 0.8;

export const TIMERS: Record<TimerName, TimerInfo> = {
  notice_deadline: {
    label: `收件后 ${NOTICE_WORKING_DAYS} 个工作日内未出具书面告知：视为自收件之日起受理`,
    states: ['received'],
    action: 'flag_notice_overdue',
    kinds: OWN,
  },
  special_procedure_max: { label: '特别程序达到最长期限：恢复计时', states: ['special_procedure'], action: 'end_special_procedure', kinds: REVIEWED },
  deferral_deadline: { label: '容缺材料补齐期限届满未补齐：终止办理并列入失信名单', states: UNDER_REVIEW, action: 'expire_deferral', kinds: OWN },
  verification_due: { label: '告知承诺核查到期未核查：提醒部门', states: RESULT_OUT, action: 'flag_verification_overdue', kinds: ['single'] },
};

export const APPLICATION_WORKFLOW = defineWorkflow<ApplicationState, ApplicationAction, Actor, StateInfo, ActionInfo, TimerName>({
  name: 'application',
  states: STATES,
  actions: ACTIONS,
  timers: TIMERS,
  order: ['state', 'actor'],
  refuse: {
    actor: (action) => `您的岗位不能执行“${action.label}”`,
    state: (state, action, states) => `${state === null ? '新办件' : `办件当前为“${states[state].label}”`}，不能执行“${action.label}”`,
  },
});
