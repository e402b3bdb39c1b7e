import type { EnterpriseType } from '../contract.ts';

/** The columns of an import file, by their Chinese headings (the template's first row). */
export const IMPORT_COLUMNS = [
  { key: 'uscc', heading: '统一社会信用代码', isRequired: true },
  { key: 'name', heading: '企业名称', isRequired: true },
  { key: 'type', heading: '企业类型', isRequired: true },
  { key: 'legalRepresentative', heading: '法定代表人', isRequired: false },
  { key: 'registeredAddress', heading: '注册地址', isRequired: false },
  { key: 'districtCode', heading: '行政区划代码', isRequired: true },
  { key: 'town', heading: '镇街', isRequired: false },
  { key: 'registrationDate', heading: '成立日期', isRequired: false },
  { key: 'industryCode', heading: '行业代码', isRequired: true },
  { key: 'employees', heading: '从业人员', isRequired: false },
  { key: 'revenue', heading: '营业收入（万元）', isRequired: false },
  { key: 'assets', heading: '资产总额（万元）', isRequired: false },
  { key: 'tags', heading: '标签', isRequired: false },
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key'];

/** The legal forms as written in market-regulation exports, and a few common spellings. */
export const ENTERPRISE_TYPE_NAMES: Record<EnterpriseType, string> = {
  limited_liability: '有限责任公司',
  joint_stock: '股份有限公司',
  sole_proprietorship: '个人独资企业',
  partnership: '合伙企业',
  individual_business: '个体工商户',
  farmer_cooperative: '农民专业合作社',
  foreign_invested: '外商投资企业',
  state_owned: '全民所有制企业',
  collective: '集体所有制企业',
  branch: '分支机构',
  other: '其他',
};

const ALIASES: Record<string, EnterpriseType> = {
  有限公司: 'limited_liability',
  有限责任公司自然人独资: 'limited_liability',
  有限责任公司自然人投资或控股: 'limited_liability',
  股份公司: 'joint_stock',
  个体户: 'individual_business',
  合作社: 'farmer_cooperative',
  外资企业: 'foreign_invested',
  国有企业: 'state_owned',
  分公司: 'branch',
};

/** Reads a type cell: the Chinese name, a known alias, or the code itself. */
export function parseEnterpriseType(cell: string): EnterpriseType | null {
  const text = cell.replace(/[\s()（）]/g, '');
  if (!text) return null;
  for (const [code, name] of Object.entries(ENTERPRISE_TYPE_NAMES) as [EnterpriseType, string][]) {
    if (text === name || text === code) return code;
  }
  return ALIASES[text] ?? null;
}

/** Heading → column, ignoring spaces, bracket styles and units, so 营业收入(万元) and 营业收入 both match. */
export function columnOfHeading(heading: string): ImportColumn | null {
  const plain = (s: string) => s.replace(/[\s()（）]|万元/g, '');
  const found = IMPORT_COLUMNS.find((c) => plain(c.heading) === plain(heading));
  return found?.key ?? null;
}
