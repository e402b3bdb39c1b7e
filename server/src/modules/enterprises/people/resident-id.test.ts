import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkResidentId, residentIdCheckCharacter } from './resident-id.ts';

const TODAY = '2026-05-20';

/** Valid numbers: a Guangdong division, a real birth date, any sequence, its check character. */
const validId = fc
  .tuple(
    fc.constantFrom('440605', '440604', '110101', '310115', '440300'),
    fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2026-05-20T00:00:00Z'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([division, birth, seq]) => {
    const first17 = `${division}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
    return first17 + residentIdCheckCharacter(first17);
  });

describe('resident ID number (FACTS §2)', () => {
  it('computes the check character with ISO 7064 MOD 11-2', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(checkResidentId('11010519491231002x', TODAY)).toMatchObject({ valid: true, idNumber: '11010519491231002X', birthDate: '1949-12-31', isMale: false });
  });

  it('every generated valid number passes', () => {
    fc.assert(
      fc.property(validId, (id) => {
        expect(checkResidentId(id, TODAY).valid).toBe(true);
      }),
    );
  });

  it('every single-character change of a valid number fails', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (id, i, ch) => {
        if (id[i] === ch) return;
        expect(checkResidentId(id.slice(0, i) + ch + id.slice(i + 1), TODAY).valid).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('names the problem: length, characters, division, impossible birth date, check digit', () => {
    expect(checkResidentId('44060519900101123', TODAY)).toMatchObject({ valid: false, problem: 'length' });
    expect(checkResidentId('4406051990010112X4', TODAY)).toMatchObject({ valid: false, problem: 'characters' });
    const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);
    expect(checkResidentId(withCheck('99060519900101123'), TODAY)).toMatchObject({ valid: false, problem: 'division' });
    expect(checkResidentId(withCheck('44060519900230123'), TODAY)).toMatchObject({ valid: false, problem: 'birth-date' });
    expect(checkResidentId(withCheck('44060518991231123'), TODAY)).toMatchObject({ valid: false, problem: 'birth-date' });
    expect(checkResidentId(withCheck('44060520270101123'), TODAY)).toMatchObject({ valid: false, problem: 'birth-date' });
    const good = withCheck('44060519900101123');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkResidentId(wrong, TODAY)).toMatchObject({ valid: false, problem: 'check' });
  });
});
