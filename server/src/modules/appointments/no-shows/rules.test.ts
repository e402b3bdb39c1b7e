import { describe, expect, it } from 'vitest';
import { blockFor, countingWindow } from './rules.ts';

const rule = { noShowLimit: 3, noShowWindowDays: 30, blockDays: 7 };

describe('no-show rule', () => {
  it('counts the last 30 days including today', () => {
    expect(countingWindow('2026-03-31', rule)).toEqual({ from: '2026-03-02', to: '2026-03-31' });
  });
  it('the third no-show blocks for 7 days from the day it is marked', () => {
    expect(blockFor(2, '2026-03-31', rule)).toBeNull();
    expect(blockFor(3, '2026-03-31', rule)).toEqual({ startsOn: '2026-03-31', endsOn: '2026-04-07' });
    expect(blockFor(5, '2026-03-31', { ...rule, blockDays: 0 })).toBeNull();
  });
});
