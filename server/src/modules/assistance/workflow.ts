import { defineWorkflow } from '../../platform/workflow/define.ts';

/**
 * A video assistance session (视频辅导):
 *
 *   (none) ──book (enterprise)──▶ booked ──start (assistant)──▶ live ──end (assistant)──▶ ended
 *                                  booked ──cancel (enterprise)──▶ cancelled
 *
 * While live, both sides exchange signals and report the call connected (unchanged state).
 */
export type VideoState = 'booked' | 'live' | 'ended' | 'cancelled';
export type VideoAction = 'book' | 'cancel' | 'start' | 'signal' | 'end';
export type VideoActor = 'enterprise' | 'assistant';

export const videoWorkflow = defineWorkflow<VideoState, VideoAction, VideoActor>({
  name: 'video session',
  states: {
    booked: { label: '已预约' },
    live: { label: '进行中' },
    ended: { label: '已结束' },
    cancelled: { label: '已取消' },
  },
  actions: {
    book: { label: '预约', from: null, to: ['booked'], actors: ['enterprise'] },
    cancel: { label: '取消', from: ['booked'], to: ['cancelled'], actors: ['enterprise'] },
    start: { label: '开始', from: ['booked'], to: ['live'], actors: ['assistant'] },
    signal: { label: '连线', from: ['live'], to: 'unchanged', actors: ['enterprise', 'assistant'] },
    end: { label: '结束', from: ['live'], to: ['ended'], actors: ['assistant'] },
  },
  order: ['actor', 'state'],
  refuse: {
    actor: (action) => `您不能${action.label}该视频辅导`,
    state: (state, action, states) => `该视频辅导${state ? `当前为“${states[state].label}”` : '不存在'}，不能${action.label}`,
  },
});
