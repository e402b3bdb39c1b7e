import { AppError } from '../../../platform/errors.ts';

/**
 * An inquiry's course under the first-inquiry and first-handling rules (A.1.3, A.2.3), declared
 * as data. It is recorded in one of the outcomes; two of them still owe something:
 *
 *   pending ─────reply──────────────▶ answered        (the holder answers within the limit)
 *   transferred ──receive──▶ pending                   (the colleague or department takes it over)
 *   transferred ──reply────▶ answered                  (the first responder answers it after all)
 *   answered, directed (a counter, with a ticket), outside_center (explained, referred): nothing owed
 *
 * What is owed and not done in time is a violation (A.1.4, A.2.4): see violations.ts.
 */

export const INQUIRY_MODES = ['in_person', 'phone', 'online'] as const;
export type InquiryMode = (typeof INQUIRY_MODES)[number];

/** consult: asked about something (首问, A.1); apply: came to apply for something (首办, A.2) */
export const INQUIRY_PURPOSES = ['consult', 'apply'] as const;
export type InquiryPurpose = (typeof INQUIRY_PURPOSES)[number];

export const INQUIRY_OUTCOMES = ['answered', 'pending', 'transferred', 'directed', 'outside_center'] as const;
export type InquiryOutcome = (typeof INQUIRY_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<InquiryOutcome, string> = {
  answered: '已答复',
  pending: '待答复',
  transferred: '已移交待接收',
  directed: '引导至窗口',
  outside_center: '非本中心职责，已说明并指引',
};

export const INQUIRY_ACTIONS = ['reply', 'receive'] as const;
export type InquiryAction = (typeof INQUIRY_ACTIONS)[number];

export const ACTIONS: Record<InquiryAction, { label: string; from: readonly InquiryOutcome[]; to: InquiryOutcome }> = {
  reply: { label: '答复', from: ['pending', 'transferred'], to: 'answered' },
  receive: { label: '接收', from: ['transferred'], to: 'pending' },
};

/** The outcome the action leads to; INVALID_STATE (409) when the inquiry is not where the action starts. */
export function transition(outcome: InquiryOutcome, action: InquiryAction): InquiryOutcome {
  const info = ACTIONS[action];
  if (!info.from.includes(outcome)) {
    const message = `该咨询当前为“${OUTCOME_LABELS[outcome]}”，不能${info.label}`;
    throw new AppError('INVALID_STATE', message, [{ field: 'outcome', message }]);
  }
  return info.to;
}

/** Who holds an inquiry now: whoever received its transfer, else the first responder. */
export function holderOf(row: { firstResponderId: string; receivedBy: string | null }): string {
  return row.receivedBy ?? row.firstResponderId;
}

/**
 * May this staff member act on the inquiry? Reply: its holder (the first responder may still
 * answer a transfer nobody has received). Receive: the colleague named, or — when only a
 * department was named — anyone of that department other than the first responder.
 */
export function mayAct(
  action: InquiryAction,
  row: { outcome: InquiryOutcome; firstResponderId: string; receivedBy: string | null; transferStaffId: string | null; transferDepartmentId: string | null },
  who: { id: string; departmentId: string | null },
): boolean {
  if (!ACTIONS[action].from.includes(row.outcome)) return false;
  switch (action) {
    case 'reply':
      return holderOf(row) === who.id;
    case 'receive':
      if (who.id === row.firstResponderId) return false;
      return row.transferStaffId ? row.transferStaffId === who.id : row.transferDepartmentId !== null && row.transferDepartmentId === who.departmentId;
  }
}
