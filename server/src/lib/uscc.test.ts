import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, entityCheckCharacter, usccCheckCharacter } from './uscc.ts';

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
        if (check17 === 'X') return; // X is not in the code alphabet: such bodies are not issued
        const first17 = `${head.join('')}${entity}${check17}`;
        expect(checkUscc(first17 + usccCheckCharacter(first17))).toBeNull();
      }),
    );
  });
});
