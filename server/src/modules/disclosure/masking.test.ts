import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskApplicantName } from './masking.ts';

describe('maskApplicantName', () => {
  it('hides the trade name of an enterprise and keeps region, the rest of the name and legal form; the mask does not tell the length', () => {
    expect(maskApplicantName('佛山市南海区大沥鸿福餐饮管理有限公司')).toBe('佛山市南海区**餐饮管理有限公司');
    expect(maskApplicantName('广东省佛山市南海区桂城星辰科技股份有限公司')).toBe('广东省佛山市南海区**辰科技股份有限公司');
    expect(maskApplicantName('南海区大沥家乐便利店')).toBe('南海区**乐便利店');
    expect(maskApplicantName('佛山市鸿福有限公司')).toBe('佛山市**有限公司');
  });

  it('keeps only the surname of a person', () => {
    expect(maskApplicantName('陈嘉欣')).toBe('陈**');
    expect(maskApplicantName('王五')).toBe('王*');
    expect(maskApplicantName('欧阳晓明')).toBe('欧**');
  });

  it('never returns the name itself, and always hides at least two characters of a longer name', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'佛山市南海区大沥鸿福餐饮管理有限公司陈王省县镇'.split('')), minLength: 2, maxLength: 30 }), (name) => {
        const masked = maskApplicantName(name);
        expect(masked).not.toBe(name);
        expect(masked).toContain('*');
      }),
    );
  });
});
