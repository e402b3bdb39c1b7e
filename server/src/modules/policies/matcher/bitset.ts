/** Fixed-size bitsets over enterprise slots: 32 slots per Uint32 word. */

export type Bits = Uint32Array;

export const wordsFor = (slots: number) => (slots + 31) >>> 5;

export function hasBit(bits: Bits, i: number): boolean {
  return (bits[i >>> 5]! & (1 << (i & 31))) !== 0;
}

export function setBit(bits: Bits, i: number, on: boolean): void {
  if (on) bits[i >>> 5]! |= 1 << (i & 31);
  else bits[i >>> 5]! &= ~(1 << (i & 31));
}

export function andInto(target: Bits, other: Bits): void {
  for (let w = 0; w < target.length; w++) target[w]! &= other[w]!;
}

export function orInto(target: Bits, other: Bits): void {
  for (let w = 0; w < target.length; w++) target[w]! |= other[w]!;
}

/** target = universe AND NOT target */
export function complementWithin(target: Bits, universe: Bits): void {
  for (let w = 0; w < target.length; w++) target[w] = universe[w]! & ~target[w]!;
}

export function popcount(bits: Bits): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w]!;
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

/** Slots set in `bits`, in order, skipping the first `offset` and returning at most `limit`. */
export function slotsOf(bits: Bits, offset = 0, limit = Infinity): number[] {
  const out: number[] = [];
  let skipped = 0;
  for (let w = 0; w < bits.length && out.length < limit; w++) {
    let v = bits[w]!;
    while (v !== 0 && out.length < limit) {
      const low = v & -v;
      const slot = (w << 5) + (31 - Math.clz32(low));
      v ^= low;
      if (skipped < offset) skipped += 1;
      else out.push(slot);
    }
  }
  return out;
}

export function grow(bits: Bits, words: number): Bits {
  if (bits.length >= words) return bits;
  const next = new Uint32Array(words);
  next.set(bits);
  return next;
}
