import type { RUN_STATUSES } from '@server/platform/jobs/contract.ts';

type RunStatus = (typeof RUN_STATUSES)[number];

/** Texts of the job runs page (任务运行记录). */
export const tj = {
  menu: '任务运行记录',
  title: '任务运行记录',
  jobsTitle: '定时任务',
  runsTitle: '运行记录',
  /** the jobs by name; a job without a label shows its name */
  names: {
    outbox: '发送待办消息（短信等）',
    'jobs.prune-runs': '清理过期的运行记录',
    'queue.day-end': '日终关闭前一日未结束的排队号和窗口',
    'applications.timers': '办件时限（告知期限、特别程序、容缺补正、承诺核查）',
    'appointments.no-shows': '预约爽约标记与限约',
    'appointments.day-before': '预约前一日提醒',
    'appointments.almost-called': '临近叫号提醒',
    'appointments.guarantee': '三个工作日内可约检查',
    'evaluations.callback-overdue': '回访逾期提醒',
    'evaluations.default-ratings': '逾期未评价记为默认评价',
  } as Record<string, string>,
  fields: {
    job: '任务',
    schedule: '执行计划（北京时间）',
    nextRunAt: '下次执行',
    lastRun: '最近一次运行',
    trigger: '触发方式',
    scheduledFor: '计划时间',
    startedAt: '开始时间',
    finishedAt: '结束时间',
    duration: '耗时',
    status: '结果',
    items: '处理条目',
    error: '错误',
    owner: '执行进程',
    from: '开始时间自',
    to: '至',
  },
  statuses: {
    running: '运行中',
    succeeded: '成功',
    partial: '部分失败',
    failed: '失败',
    abandoned: '中断',
  } satisfies Record<RunStatus, string>,
  triggers: { schedule: '按计划', wake: '有新消息时', manual: '手动' } as Record<string, string>,
  items: (done: number, failed: number) => (failed > 0 ? `成功 ${done} 条，失败 ${failed} 条` : `${done} 条`),
  seconds: (s: number) => `${s.toFixed(1)} 秒`,
  running: '运行中',
  requested: '已请求运行，等待空闲的进程执行',
  runNow: '立即运行',
  runNowConfirm: '确定立即运行一次此任务吗？',
  runRequested: '已请求运行，稍后刷新查看结果',
  failuresTitle: '失败的条目（下次运行时重试）',
  never: '尚未运行',
  refresh: '刷新',
};
