/** The menus' areas: the back office's side menu and the portal's top menu. */
export const tmenu = {
  groups: {
    front: '前台服务',
    approval: '审批办件',
    supervision: '评价监督',
    enterprise: '企业与证照',
    center: '中心管理',
  },
  portal: {
    service: '办事',
    policy: '政策与服务',
    interaction: '互动与监督',
    mine: '我的',
  },
  /** the badge of a collapsed group: the sum of its entries' counts */
  groupBadge: (n: number) => `${n} 项待处理`,
};
