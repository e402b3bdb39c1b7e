/** The kinds of feedback case, the channels they come by, and the working days each kind allows. */

export const FEEDBACK_KINDS = ['consultation', 'help', 'suggestion', 'complaint', 'report', 'unresolved'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const KIND_LABELS: Record<FeedbackKind, string> = {
  consultation: '咨询',
  help: '求助',
  suggestion: '建议',
  complaint: '投诉',
  report: '举报',
  unresolved: '办不成事',
};

/**
 * Guangdong 12345 rules (FACTS §7): consultation 2 working days, help and suggestion 10,
 * complaint and report 15; a 办不成事 matter is held to the complaint's limit. A center may
 * set its own (feedback_due_days).
 */
export const DEFAULT_DUE_DAYS: Record<FeedbackKind, number> = {
  consultation: 2,
  help: 10,
  suggestion: 10,
  complaint: 15,
  report: 15,
  unresolved: 15,
};

export const FEEDBACK_CHANNELS = ['on_site', 'phone', 'letter', 'fax', 'email', 'comment_card', 'suggestion_box', 'portal', 'kiosk', 'hotline_12345', 'evaluation'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

/** Channels a submitter uses without staff: the portal and the kiosk. */
export const PUBLIC_CHANNELS: readonly FeedbackChannel[] = ['portal', 'kiosk'];

export const CHANNEL_LABELS: Record<FeedbackChannel, string> = {
  on_site: '现场',
  phone: '电话',
  letter: '信函',
  fax: '传真',
  email: '电子邮件',
  comment_card: '意见卡',
  suggestion_box: '意见箱',
  portal: '网上',
  kiosk: '自助终端',
  hotline_12345: '12345转办',
  evaluation: '好差评',
};

export const COMPLAINT_SCOPES = ['a', 'b'] as const;
export type ComplaintScope = (typeof COMPLAINT_SCOPES)[number];

export const SATISFACTIONS = ['satisfied', 'basically', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const UNRESOLVED_CAUSES = ['no_such_item', 'rules_conflict', 'departments_disagree', 'system_fault', 'materials_unreasonable', 'other'] as const;
export type UnresolvedCause = (typeof UNRESOLVED_CAUSES)[number];

export const CAUSE_LABELS: Record<UnresolvedCause, string> = {
  no_such_item: '无此事项',
  rules_conflict: '规定冲突',
  departments_disagree: '部门意见不一',
  system_fault: '系统故障',
  materials_unreasonable: '材料要求不合理',
  other: '其他',
};
