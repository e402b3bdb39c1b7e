/** Texts the server sends to people. The web app has its own locale files for the UI. */
export const zhCN = {
  validation: {
    failed: '提交的内容有误',
    required: '必填',
    invalidType: '格式不正确',
    tooShort: (min: number | bigint) => `长度不能少于 ${min}`,
    tooLong: (max: number | bigint) => `长度不能超过 ${max}`,
    tooSmall: (min: number | bigint) => `不能小于 ${min}`,
    tooBig: (max: number | bigint) => `不能大于 ${max}`,
    invalidEnum: (options: string) => `只能是以下之一：${options}`,
    invalidDate: '日期格式应为 YYYY-MM-DD',
    unknownField: (name: string) => `不认识的字段 ${name}`,
    badJson: '请求体不是有效的 JSON',
    unsupportedMediaType: '不支持的内容类型，请以 application/json 提交',
    tooLarge: '提交的内容过大',
  },
  http: {
    notFound: '请求的地址不存在',
    internal: '服务器内部错误，请稍后重试；如果问题持续，请联系管理员并提供请求编号',
    unavailable: '服务暂不可用：数据库无法连接',
    databaseUnavailable: '数据库暂时无法连接，请稍后重试',
  },
  auth: {
    unauthenticated: '请先登录',
    sessionExpired: '登录已过期，请重新登录',
    loginFailed: (minutes: number, max: number) =>
      `用户名或密码错误。连续 ${max} 次错误将锁定 ${minutes} 分钟；如已锁定，请稍后再试`,
    forbidden: '您没有执行此操作的权限',
    disabled: '账户已停用',
    wrongCurrentPassword: '当前密码不正确',
    passwordChangeRequired: '请先修改初始密码',
  },
} as const;
