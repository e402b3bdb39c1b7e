/**
 * Unified social credit code (GB 32100-2015): 18 characters with two check characters,
 * position 17 per GB 11714 and position 18 per GB 32100. See shared/reference/FACTS.md §1.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ENTITY_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ENTITY_BODY = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export type UsccProblem = 'length' | 'characters' | 'entity-check' | 'check';

export function usccCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + ALPHABET.indexOf(ch) * WEIGHTS[i]!, 0);
  const c = 31 - (sum % 31);
  return ALPHABET[c === 31 ? 0 : c]!;
}

export function entityCheckCharacter(body8: string): string {
  const sum = [...body8].reduce((acc, ch, i) => acc + ENTITY_BODY.indexOf(ch) * ENTITY_WEIGHTS[i]!, 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Returns what is wrong with a code, or null when it is valid. */
export function checkUscc(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  if (![...code].every((ch) => ALPHABET.includes(ch))) return 'characters';
  const body = code.slice(8, 16);
  if (![...body].every((ch) => ENTITY_BODY.includes(ch))) return 'characters';
  if (entityCheckCharacter(body) !== code[16]) return 'entity-check';
  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) return 'check';
  return null;
}

export const isValidUscc = (code: string) => checkUscc(code) === null;

export const USCC_PROBLEM_MESSAGES: Record<UsccProblem, string> = {
  length: '统一社会信用代码应为 18 位',
  characters: '统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）',
  'entity-check': '统一社会信用代码第 17 位（组织机构代码校验码）不正确',
  check: '统一社会信用代码第 18 位校验码不正确',
};

export type UsccExplanation = {
  /** the code as checked: trimmed and upper-cased */
  code: string;
  valid: boolean;
  problem: UsccProblem | null;
  /** 1-based position of the failing character or check character; null for a wrong length */
  position: number | null;
  /** Chinese sentence naming the failing position or check character */
  reason: string;
};

/**
 * Explains a code for a person who typed it: which position or check character fails.
 * Lower case is read as upper case. The expected check character is deliberately not
 * shown: "fixing" the check character of a mistyped code would only make a wrong code pass.
 */
export function explainUscc(input: string): UsccExplanation {
  const code = input.trim().toUpperCase();
  const result = (problem: UsccProblem | null, position: number | null, reason: string): UsccExplanation => ({
    code,
    valid: problem === null,
    problem,
    position,
    reason,
  });
  if (code.length !== 18) return result('length', null, `统一社会信用代码应为 18 位，输入的是 ${code.length} 位`);
  const bad = [...code].findIndex((ch) => !ALPHABET.includes(ch));
  if (bad >= 0) {
    return result(
      'characters',
      bad + 1,
      `第 ${bad + 1} 位“${code[bad]}”不是统一社会信用代码使用的字符（只用数字和除 I、O、S、V、Z 以外的大写字母）`,
    );
  }
  if (entityCheckCharacter(code.slice(8, 16)) !== code[16]) {
    return result('entity-check', 17, '第 17 位（组织机构代码校验码）与第 9–16 位不符，请逐位核对第 9–17 位');
  }
  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) {
    return result('check', 18, '第 18 位校验码与前 17 位不符，请逐位核对全部 18 位');
  }
  return result(null, null, '校验通过：第 17 位（组织机构代码校验码）和第 18 位校验码均正确');
}
