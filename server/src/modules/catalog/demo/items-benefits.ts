import { M, type DemoItem } from './build.ts';

/**
 * 惠企政策兑现 items (6.2.2): the items under which enterprises apply online for apply-mode
 * policies. A policy names one of them; its department reviews the application within the
 * item's promised time limit, as with any other item.
 */
const STEPS = [
  { name: '网上申报', description: '企业登录中心网站，在“惠企政策”中选择政策网上申报，系统自动带出企业信息和电子证照，上传其余材料' },
  { name: '受理', description: '惠企政策兑现窗口核验材料：齐全的受理，不全的一次性告知需补正的全部内容' },
  { name: '审核', description: '政策承办部门审核企业条件和申报材料，在承诺时限内作出是否兑现的决定' },
  { name: '兑现', description: '审核通过的，资金拨付至企业对公账户，结果电子送达' },
];
const BANK_ACCOUNT = M.item('bank_account', '企业对公银行账户信息', { form: 'copy', notes: '开户许可证或基本存款账户信息，用于拨付资金' });

export const BENEFIT_ITEMS: DemoItem[] = [
  {
    code: 'NH-RS-HQ01',
    name: '就业创业类惠企政策资金申领',
    department: '人力资源和社会保障局',
    theme: 'benefits',
    itemType: 'public_service',
    basicCode: '000720101000',
    legalBasis: '《中华人民共和国就业促进法》；《广东省就业补助资金管理办法》；各项政策文件',
    conditions: ['符合所申报政策文件规定的条件', '按规定为职工缴纳社会保险费'],
    materials: [
      M.form('惠企政策资金申请表'),
      M.businessLicense(),
      M.item('social_insurance', '近 12 个月社会保险缴费明细', { form: 'copy', notes: '可在广东省电子税务局下载' }),
      BANK_ACCOUNT,
    ],
    keywords: ['稳岗补贴', '就业补贴', '创业补贴', '社保补贴', '以工代训', '吸纳就业'],
    legalDays: null,
    promisedDays: 10,
    channels: ['online', 'counter'],
    steps: STEPS,
  },
  {
    code: 'NH-SJ-HQ01',
    name: '市场监管类惠企政策资金申领',
    department: '市场监督管理局',
    theme: 'benefits',
    itemType: 'public_service',
    basicCode: '000720102000',
    legalBasis: '《佛山市南海区促进市场主体高质量发展若干措施》；各项政策文件',
    conditions: ['符合所申报政策文件规定的条件', '无未修复的严重失信记录'],
    materials: [
      M.form('惠企政策资金申请表'),
      M.businessLicense(),
      M.item('food_business', '食品经营许可证', { form: 'copy', licenseType: 'food_business', notes: '申报食品经营类政策的提供' }),
      BANK_ACCOUNT,
    ],
    situations: [
      {
        key: 'food',
        text: '申报的是否为食品经营类政策？',
        options: [
          { key: 'yes', label: '是', addsMaterials: ['food_business'], removesMaterials: [], addsConditions: ['持有有效的食品经营许可证'] },
          { key: 'no', label: '否', addsMaterials: [], removesMaterials: [], addsConditions: [] },
        ],
      },
    ],
    keywords: ['知识产权', '质押融资', '食品经营', '规范化提升', '个转企'],
    legalDays: null,
    promisedDays: 10,
    channels: ['online', 'counter'],
    steps: STEPS,
  },
  {
    code: 'NH-ZJ-HQ01',
    name: '建筑业惠企政策资金申领',
    department: '住房和城乡建设局',
    theme: 'benefits',
    itemType: 'public_service',
    basicCode: '000720103000',
    legalBasis: '《南海区促进建筑业发展若干措施》',
    conditions: ['符合所申报政策文件规定的条件'],
    materials: [
      M.form('惠企政策资金申请表'),
      M.businessLicense(),
      M.item('qualification', '建筑业企业资质证书', { form: 'copy', licenseType: 'construction_qualification' }),
      BANK_ACCOUNT,
    ],
    keywords: ['资质晋升', '建筑业奖励'],
    legalDays: null,
    promisedDays: 15,
    channels: ['online', 'counter'],
    steps: STEPS,
  },
];
