/**
 * The catalog workbook: one sheet per table, a header row of Chinese labels, one row per item,
 * material, situation option, bundle and bundle member. `key` is the guide field (dotted path)
 * a column holds; lists are written one entry per line (or separated by 、).
 */
export type Column = { key: string; label: string; width?: number; isRequired?: boolean; note?: string };

export const SHEETS = {
  readme: '说明',
  items: '事项',
  materials: '材料',
  situations: '情形',
  bundles: '一件事',
  members: '一件事成员',
} as const;

export const ITEM_COLUMNS: Column[] = [
  { key: 'code', label: '编码', width: 16, isRequired: true },
  { key: 'status', label: '状态', width: 8, isRequired: true },
  { key: 'name', label: '事项名称', width: 28, isRequired: true },
  { key: 'basicCode', label: '基本编码', width: 14 },
  { key: 'itemType', label: '事项类型', width: 12, isRequired: true },
  { key: 'departmentId', label: '实施部门', width: 18, isRequired: true },
  { key: 'theme', label: '主题', width: 10, isRequired: true },
  { key: 'serviceObjects', label: '服务对象', width: 16, isRequired: true },
  { key: 'legalBasis', label: '设定依据', width: 40 },
  { key: 'conditions', label: '受理条件', width: 50, note: '每行一条' },
  { key: 'steps', label: '办理流程', width: 50, note: '每行一步：步骤名称：说明' },
  { key: 'channels', label: '办理渠道', width: 24, isRequired: true },
  { key: 'legalLimitDays', label: '法定办结时限（工作日）', width: 12 },
  { key: 'promisedLimitDays', label: '承诺办结时限（工作日）', width: 12, isRequired: true },
  { key: 'promisedLimitNote', label: '时限说明', width: 30 },
  { key: 'processingKind', label: '办件类型', width: 10, isRequired: true },
  { key: 'visitsNeeded', label: '到办事现场次数', width: 10, isRequired: true },
  { key: 'isFeeCharged', label: '是否收费', width: 8, isRequired: true },
  { key: 'feeDescription', label: '收费标准', width: 30 },
  { key: 'feeBasis', label: '收费依据', width: 30 },
  { key: 'place', label: '办理地点', width: 30 },
  { key: 'hours', label: '办理时间', width: 24 },
  { key: 'enquiryPhone', label: '咨询电话', width: 12 },
  { key: 'complaintPhone', label: '监督投诉电话', width: 12 },
  { key: 'onlineUrl', label: '网上办理地址', width: 30 },
  { key: 'keywords', label: '关键词', width: 30, note: '以、分隔' },
  { key: 'commitment.isAllowed', label: '告知承诺', width: 8, isRequired: true },
  { key: 'commitment.certificates', label: '承诺替代的证明', width: 30, note: '每行一项' },
  { key: 'commitment.text', label: '告知承诺书文本', width: 40 },
  { key: 'deferral.isAllowed', label: '容缺受理', width: 8, isRequired: true },
  { key: 'deferral.materialKeys', label: '可容缺材料代码', width: 20, note: '以、分隔，须为次要材料' },
  { key: 'deferral.supplementDays', label: '容缺补正期限（工作日）', width: 12 },
  { key: 'jointReview.group', label: '联审联办组', width: 20 },
  { key: 'jointReview.leadDepartmentId', label: '联办牵头部门', width: 18 },
  { key: 'appointment.mode', label: '预约方式', width: 14, isRequired: true },
  { key: 'appointment.walkInDailyQuota', label: '每日现场取号量', width: 10 },
];

export const MATERIAL_COLUMNS: Column[] = [
  { key: 'owner', label: '事项编码', width: 16, isRequired: true },
  { key: 'key', label: '材料代码', width: 20, isRequired: true },
  { key: 'name', label: '材料名称', width: 36, isRequired: true },
  { key: 'importance', label: '核心/次要', width: 10, isRequired: true },
  { key: 'form', label: '原件/复印件', width: 12, isRequired: true },
  { key: 'copies', label: '份数', width: 6, isRequired: true },
  { key: 'medium', label: '介质', width: 10, isRequired: true },
  { key: 'licenseType', label: '可替代的电子证照类型', width: 22 },
  { key: 'templateFileId', label: '空白模板文件编号', width: 38 },
  { key: 'sampleFileId', label: '示例样表文件编号', width: 38 },
  { key: 'notes', label: '备注', width: 36 },
];

export const SITUATION_COLUMNS: Column[] = [
  { key: 'owner', label: '所属编码', width: 16, isRequired: true, note: '事项或一件事的编码' },
  { key: 'questionKey', label: '问题代码', width: 18, isRequired: true },
  { key: 'text', label: '问题', width: 30, isRequired: true },
  { key: 'optionKey', label: '选项代码', width: 12, isRequired: true },
  { key: 'label', label: '选项', width: 20, isRequired: true },
  { key: 'addsMaterials', label: '增加材料代码', width: 24, note: '事项的情形；以、分隔' },
  { key: 'removesMaterials', label: '免除材料代码', width: 24, note: '事项的情形；以、分隔' },
  { key: 'skipsMembers', label: '免办成员编码', width: 24, note: '一件事的情形；以、分隔' },
  { key: 'addsConditions', label: '增加条件', width: 40, note: '每行一条' },
];

export const BUNDLE_COLUMNS: Column[] = [
  { key: 'code', label: '编码', width: 16, isRequired: true },
  { key: 'status', label: '状态', width: 8, isRequired: true },
  { key: 'name', label: '一件事名称', width: 24, isRequired: true },
  { key: 'lifeStage', label: '生命周期阶段', width: 12, isRequired: true },
  { key: 'leadDepartmentId', label: '牵头部门', width: 18, isRequired: true },
  { key: 'description', label: '说明', width: 50 },
  { key: 'keywords', label: '关键词', width: 30, note: '以、分隔' },
  { key: 'place', label: '办理地点', width: 30 },
  { key: 'hours', label: '办理时间', width: 24 },
  { key: 'enquiryPhone', label: '咨询电话', width: 12 },
  { key: 'complaintPhone', label: '监督投诉电话', width: 12 },
];

export const MEMBER_COLUMNS: Column[] = [
  { key: 'owner', label: '一件事编码', width: 16, isRequired: true },
  { key: 'kind', label: '成员类型', width: 10, isRequired: true },
  { key: 'code', label: '成员编码', width: 16, isRequired: true },
  { key: 'stage', label: '办理阶段', width: 10, isRequired: true, note: '同一阶段的成员并联办理' },
];

export const README_LINES = [
  '事项目录导入导出说明',
  '1. 本工作簿包含“事项”“材料”“情形”“一件事”“一件事成员”五张表，第一行为表头，请勿修改表头文字。',
  '2. 每个事项、一件事以“编码”识别：编码已存在的，导入后按内容生成新版本；编码不存在的，新建。',
  '3. 状态填写“已发布”“草稿”或“已撤回”。导出的内容为已发布版本（从未发布的为草稿）；未发布的草稿修改不导出。',
  '4. 部门填写本中心进驻部门的名称；导入时可选择自动创建缺少的部门。',
  '5. 多项内容：受理条件、办理流程、承诺替代的证明、增加条件每行一项；关键词、渠道、材料代码等以“、”分隔。',
  '6. 任何一行有错误时整份工作簿不导入，并列出全部错误所在的工作表、行和列。',
  '7. 模板和样表文件以文件编号引用，只能引用本系统中已上传的文件；导入到其他系统时请先上传文件或清空这两列。',
];

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
