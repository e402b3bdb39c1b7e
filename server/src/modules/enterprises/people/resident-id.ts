/**
 * Resident identity card number (GB 11643-1999), FACTS §2: 6-digit division code, 8-digit
 * birth date, 3-digit sequence (odd = male) and a check character (ISO 7064 MOD 11-2).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The province-level prefixes of GB/T 2260 (71 Taiwan, 81 Hong Kong, 82 Macao included). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

export type ResidentIdProblem = 'length' | 'characters' | 'division' | 'birth-date' | 'check';

export function residentIdCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * WEIGHTS[i]!, 0);
  return CHECK[sum % 11]!;
}

export type ResidentIdCheck =
  | { valid: true; idNumber: string; birthDate: string; isMale: boolean }
  | { valid: false; idNumber: string; problem: ResidentIdProblem; reason: string };

/**
 * Checks a number as typed (a lower-case x is read as X). `today` (YYYY-MM-DD, business date)
 * bounds the birth date: nobody is born in the future, nor before 1900.
 */
export function checkResidentId(input: string, today: string): ResidentIdCheck {
  const idNumber = input.trim().toUpperCase();
  const fail = (problem: ResidentIdProblem, reason: string): ResidentIdCheck => ({ valid: false, idNumber, problem, reason });
  if (idNumber.length !== 18) return fail('length', `身份证号码应为 18 位，输入的是 ${idNumber.length} 位`);
  const bad = [...idNumber].findIndex((ch, i) => !(/\d/.test(ch) || (i === 17 && ch === 'X')));
  if (bad >= 0) return fail('characters', `身份证号码第 ${bad + 1} 位“${idNumber[bad]}”不正确（前 17 位为数字，第 18 位为数字或 X）`);
  if (!PROVINCES.has(Number(idNumber.slice(0, 2)))) {
    return fail('division', `身份证号码前 2 位“${idNumber.slice(0, 2)}”不是有效的省级行政区划代码`);
  }
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isCalendarDate(birthDate) || birthDate < '1900-01-01' || birthDate > today) {
    return fail('birth-date', `身份证号码第 7–14 位的出生日期 ${idNumber.slice(6, 14)} 不可能存在`);
  }
  if (residentIdCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) {
    return fail('check', '身份证号码第 18 位校验码与前 17 位不符，请逐位核对');
  }
  return { valid: true, idNumber, birthDate, isMale: Number(idNumber[16]) % 2 === 1 };
}

function isCalendarDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(date);
}
