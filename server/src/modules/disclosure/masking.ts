/**
 * How an applicant's name is shown in public processing results (A.5, 个人信息保护法 §6 minimum
 * necessary). One rule, both for organisations and for persons:
 *
 * - an organisation (a name ending in a legal form: 有限公司, 合作社, 个体工商户…, or longer than
 *   five characters) keeps its region prefix (佛山市南海区) and its legal form (有限公司); of the rest
 *   (字号 and trade), the first half — at least two characters — becomes `**`:
 *   佛山市南海区大沥鸿福餐饮管理有限公司 → 佛山市南海区**餐饮管理有限公司;
 * - a person keeps the surname only: 陈嘉欣 → 陈**, 王五 → 王*.
 *
 * The trade name (字号), which identifies the enterprise, is always hidden.
 */
const LEGAL_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '分公司',
  '集团',
  '公司',
  '专业合作社',
  '合作社',
  '个体工商户',
  '合伙企业',
  '企业',
  '事务所',
  '工作室',
  '经营部',
  '商行',
  '门市部',
  '中心',
  '厂',
  '店',
];
const REGION = /^((?:[^省市]{2,7}省)?(?:[^市]{2,7}市)?(?:[^区县]{1,6}[区县])?)/u;

export function maskApplicantName(raw: string): string {
  const name = raw.trim();
  const chars = [...name];
  if (chars.length === 0) return '';
  const form = LEGAL_FORMS.find((f) => name.endsWith(f) && chars.length > [...f].length);
  if (!form && chars.length <= 5) return chars[0] + '*'.repeat(Math.min(chars.length - 1, 2) || 1);
  const withoutForm = form ? name.slice(0, name.length - form.length) : name;
  let region = REGION.exec(withoutForm)?.[1] ?? '';
  if ([...withoutForm].length - [...region].length < 2) region = '';
  const middle = [...withoutForm.slice(region.length)];
  const hidden = Math.max(2, Math.ceil(middle.length / 2));
  return `${region}**${middle.slice(hidden).join('')}${form ?? ''}`;
}
