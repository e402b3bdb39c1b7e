/**
 * SMS texts, with {placeholders}. Each begins with the sender's signature as carriers require.
 * Modules add their templates here so that every text a person receives is in one place.
 */
export const SMS_TEMPLATES = {
  test: '【{center}】这是一条测试短信。',
  appointment_confirmed: '【{center}】您已预约{date} {time}办理“{item}”，预约码 {code}。请于{checkIn}凭预约码或手机号到中心自助取号机签到取号。',
  appointment_rescheduled: '【{center}】您的预约（预约码 {code}）已改为{date} {time}办理“{item}”。请于{checkIn}到中心自助取号机签到取号。',
  appointment_cancelled: '【{center}】您{date} {time}办理“{item}”的预约（预约码 {code}）已取消。',
  appointment_reminder: '【{center}】提醒：您预约了{date} {time}办理“{item}”，预约码 {code}，请于{checkIn}到中心签到取号；如不能前来请提前取消。',
  appointment_blocked: '【{center}】您在 {days} 天内有 {count} 次预约未按时签到，{until}前不能在本中心预约。',
  ticket_almost_called: '【{center}】您的 {ticket} 号前面还有 {ahead} 位，请留意叫号屏并到候办区等候。',
  application_accepted: '【{center}】您申请的“{item}”已受理，办件编号 {number}，承诺 {due} 前办结。可在中心网站“办件进度”查询。',
  application_supplement: '【{center}】您申请的“{item}”（办件编号 {number}）需补正材料，请于 {deadline} 前按《补正材料告知书》一次性补齐。',
  application_declined: '【{center}】您申请的“{item}”（办件编号 {number}）不予受理，理由见《不予受理通知书》。',
  application_decided: '【{center}】您申请的“{item}”（办件编号 {number}）已办结：{result}。{pickup}',
  application_deferral_due: '【{center}】您申请的“{item}”（办件编号 {number}）为容缺受理，请于 {deadline} 前补齐容缺材料，逾期将终止办理并列入失信名单。',
  application_stopped: '【{center}】您申请的“{item}”（办件编号 {number}）因容缺材料逾期未补齐已终止办理，并依规列入失信名单。',
  application_mailed: '【{center}】您申请的“{item}”（办件编号 {number}）的结果已由{carrier}寄出，运单号 {tracking}。',
  application_in_locker: '【{center}】您申请的“{item}”（办件编号 {number}）的结果已放入{locker}（{location}）{slot}号格口，取件码 {code}，可在 24 小时自助服务区凭取件码自取，取件码仅可使用一次。',
  callback_overdue: '【{center}】差评回访逾期提醒：{department}有一条“{item}”的差评{what}（期限 {due}），请登录系统“差评回访”处理。',
  feedback_overdue: '【{center}】诉求逾期提醒：{department}的{kind}诉求 {number} 已超过答复期限（{due}），请登录系统“诉求办理”尽快答复。',
  inquiry_violation: '【{center}】首问首办责任提醒：{staff}有一件{purpose}{what}（期限 {due}，{clause}），请登录系统“首问首办违规台账”核查处理。',
  rating_invitation: '【{center}】感谢您办理{subject}。请在{until}前评价本次服务：{link} 逾期未评价的视为“基本满意”。',
  policy_matched: '【{center}】贵企业“{enterprise}”符合惠企政策“{policy}”的条件，{action}。详情请登录中心网站“我的政策”查看。回复 TD 退订政策推送。',
  policy_grant_decided: '【{center}】贵企业“{enterprise}”的免申即享政策“{policy}”资金 {amount}{result}。',
  policy_grant_disbursed: '【{center}】贵企业“{enterprise}”的免申即享政策“{policy}”资金 {amount}已拨付，请注意查收。',
  survey_invitation: '【{center}】诚邀“{enterprise}”参加“{title}”，请于{until}前填写（链接仅限贵企业填写一次）：{link}',
  briefing_reminder: '【{center}】提醒：{name}您好，您报名的“{topic}”将于{time}在{place}举行，签到码 {code}，请凭签到码或二维码入场。',
  briefing_cancelled: '【{center}】通知：{name}您好，您报名的“{topic}”（原定{time}）已取消，给您带来不便，敬请谅解。',
  time_limit_alert: '【{center}】办件时限提醒：{department}的办件 {number}“{item}”{what}（承诺 {due} 前办结），请登录系统“时限预警”督促办理。',
  supervision_opened: '【{center}】督办通知：办件 {number}“{item}”已列入督办，请{department}于 {deadline} 前办理并在系统“时限预警”中答复。',
} as const;
export type SmsTemplate = keyof typeof SMS_TEMPLATES;

export function renderSms(template: SmsTemplate, params: Record<string, string | number>): string {
  return SMS_TEMPLATES[template].replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!(key in params)) throw new Error(`SMS template ${template} lacks ${key}`);
    return String(params[key]);
  });
}
