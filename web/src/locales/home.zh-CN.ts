/** The home page's 我的工作: each person's own work first, with the counts that wait for them. */
export const thome = {
  work: {
    title: '我的工作',
    open: '去处理',
    loadFailed: '加载失败',
  },
  queue: {
    title: '我的窗口',
    noCounter: '您今天没有分配窗口',
    counter: (number: string, name: string) => `${number}号窗口 · ${name}`,
    waiting: '等候人数',
    served: '今日已服务',
    next: '接下来',
    none: '暂无等候',
    closed: '未开窗',
    hall: '大厅等候',
  },
  tiles: {
    awaitingSupplement: '待补正办件',
    dueWarning: '临近办结时限',
    overdue: '已超办结时限',
    myReview: '我的审查任务',
    openReview: '待领取审查任务',
    awaitingPickup: '待领取出件',
    callbacksOpen: '待联系回访',
    callbacksOverdue: '超期回访',
    feedbackOpen: '待办理诉求',
    feedbackOverdue: '超期诉求',
  },
};
