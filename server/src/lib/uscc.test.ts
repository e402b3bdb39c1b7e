import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, entityCheckCharacter, explainUscc, usccCheckCharacter } from './uscc.ts';

describe('unified social credit code (FACTS §1)', () => {
  it('accepts the worked examples', () => {
    for (const code of ['914403001922038216', '91440300708461136T', '91350100M000100Y43']) expect(checkUscc(code)).toBeNull();
    expect(usccCheckCharacter('91440300192203821')).toBe('6');
    expect(entityCheckCharacter('19220382')).toBe('1');
  });

  it('names what is wrong', () => {
    expect(checkUscc('91440300192203821')).toBe('length');
    expect(checkUscc('91440300192203821O')).toBe('characters');
    expect(checkUscc('914403001922038226')).toBe('entity-check');
    expect(checkUscc('914403001922038217')).toBe('check');
  });

  it('detects every single-character change of a valid code', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (const code of ['914403001922038216', '91440300708461136T']) {
      for (let i = 0; i < 18; i++) {
        for (const ch of alphabet) {
          if (ch === code[i]) continue;
          expect(checkUscc(code.slice(0, i) + ch + code.slice(i + 1)), `${i}:${ch}`).not.toBeNull();
        }
      }
    }
  });

  it('any 17 characters completed with their check character form a valid code when the entity check holds', () => {
    const digit = fc.constantFrom(...'0123456789');
    fc.assert(
      fc.property(fc.array(digit, { minLength: 8, maxLength: 8 }), fc.array(digit, { minLength: 8, maxLength: 8 }), (head, body) => {
        const entity = body.join('');
        const check17 = entityCheckCharacter(entity);
        const first17 = `${head.join('')}${entity}${check17}`;
        expect(checkUscc(first17 + usccCheckCharacter(first17))).toBeNull();
      }),
    );
  });

  const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const validCode = fc
    .tuple(
      fc.array(fc.constantFrom(...CODE_ALPHABET), { minLength: 8, maxLength: 8 }),
      fc.array(fc.constantFrom(...CODE_ALPHABET), { minLength: 8, maxLength: 8 }),
    )
    .map(([head, body]) => {
      const first17 = `${head.join('')}${body.join('')}${entityCheckCharacter(body.join(''))}`;
      return first17 + usccCheckCharacter(first17);
    });

  it('every generated valid code passes, also typed in lower case', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(checkUscc(code)).toBeNull();
        expect(explainUscc(code.toLowerCase())).toMatchObject({ valid: true, code, problem: null });
      }),
    );
  });

  it('every single-character change of a generated valid code fails, naming a position', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...CODE_ALPHABET, 'I', 'O', 'S', 'V', 'Z', '-'), (code, i, ch) => {
        if (ch === code[i]) return;
        const changed = code.slice(0, i) + ch + code.slice(i + 1);
        const explained = explainUscc(changed);
        expect(explained.valid).toBe(false);
        expect(explained.position).not.toBeNull();
        expect(explained.reason).toContain(`第 ${explained.position} 位`);
        if (explained.problem === 'characters') expect(explained.position).toBe(i + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('explains which position or check character fails', () => {
    expect(explainUscc('91440300192203821')).toMatchObject({ valid: false, problem: 'length', position: null });
    expect(explainUscc('91440300192203821')?.reason).toContain('17 位');
    expect(explainUscc('9144O300192203821G')).toMatchObject({ problem: 'characters', position: 5 });
    expect(explainUscc('914403001922038226')).toMatchObject({ problem: 'entity-check', position: 17 });
    expect(explainUscc('914403001922038217')).toMatchObject({ problem: 'check', position: 18 });
    expect(explainUscc(' 91440300708461136t ')).toMatchObject({ valid: true, code: '91440300708461136T' });
  });
});
