import { dateNumber, type EnterpriseAttributes } from '../rules/evaluate.ts';
import { SIZE_CLASSES, type SizeClass } from '../rules/rule.ts';
import { grow, hasBit, setBit, wordsFor, type Bits } from './bitset.ts';

/**
 * Enterprise attributes held column by column in typed arrays, one slot per enterprise, with
 * per-value bitsets for the categorical fields. Bitsets of industry prefixes (any level), towns
 * and districts are made on first use by one scan and kept up to date afterwards; sizes, tags,
 * licenses and serious bad credit are kept for every value.
 */
export class Dictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

/** A categorical column: value ids per slot, and bitsets by key made on demand. */
export class CategoricalColumn {
  ids: Int32Array;
  readonly dict = new Dictionary();
  /** key → slots whose value has that key (for industry the key is a prefix: every level) */
  readonly bits = new Map<string, Bits>();
  /** slots grouped by value id (a counting sort), to make a key's bitset at the cost of its members; dropped on any change */
  private postings: { offsets: Int32Array; slots: Int32Array } | null = null;

  constructor(
    capacity: number,
    /** the keys a value belongs to: itself, or for industry every prefix that is a level */
    private readonly keysOf: (value: string) => string[],
  ) {
    this.ids = new Int32Array(capacity).fill(-1);
  }

  resize(capacity: number): void {
    const next = new Int32Array(capacity).fill(-1);
    next.set(this.ids);
    this.ids = next;
    for (const [k, b] of this.bits) this.bits.set(k, grow(b, wordsFor(capacity)));
  }

  value(slot: number): string | null {
    const id = this.ids[slot]!;
    return id < 0 ? null : this.dict.values[id]!;
  }

  /** Sets a slot's value, keeping the materialised bitsets in step. */
  set(slot: number, value: string | null): void {
    const old = this.value(slot);
    if (old === value) return;
    this.postings = null;
    if (old !== null) for (const k of this.keysOf(old)) { const b = this.bits.get(k); if (b) setBit(b, slot, false); }
    this.ids[slot] = value === null ? -1 : this.dict.id(value);
    if (value !== null) for (const k of this.keysOf(value)) { const b = this.bits.get(k); if (b) setBit(b, slot, true); }
  }

  /** Slots whose value has `key`, made by one scan the first time and maintained afterwards. */
  bitsOf(key: string, slots: number, test: (value: string) => boolean): Bits {
    let b = this.bits.get(key);
    if (b) return b;
    const hit = new Uint8Array(this.dict.values.length);
    this.dict.values.forEach((v, i) => (hit[i] = test(v) ? 1 : 0));
    b = new Uint32Array(wordsFor(this.ids.length));
    const { offsets, slots: members } = this.postingsFor(slots);
    for (let id = 0; id < hit.length; id++) {
      if (hit[id] !== 1) continue;
      for (let k = offsets[id]!, end = offsets[id + 1]!; k < end; k++) {
        const slot = members[k]!;
        b[slot >>> 5]! |= 1 << (slot & 31);
      }
    }
    this.bits.set(key, b);
    return b;
  }

  private postingsFor(slots: number): { offsets: Int32Array; slots: Int32Array } {
    if (this.postings && this.postings.slots.length === slots) return this.postings;
    const values = this.dict.values.length;
    const offsets = new Int32Array(values + 1);
    const ids = this.ids;
    for (let i = 0; i < slots; i++) if (ids[i]! >= 0) offsets[ids[i]! + 1]! += 1;
    for (let v = 0; v < values; v++) offsets[v + 1]! += offsets[v]!;
    const fill = offsets.slice(0, values);
    const members = new Int32Array(slots);
    for (let i = 0; i < slots; i++) {
      const id = ids[i]!;
      if (id >= 0) members[fill[id]!++] = i;
    }
    this.postings = { offsets, slots: members };
    return this.postings;
  }
}

/** GB/T 4754 levels of a code: C1311 → C, C13, C131, C1311. */
export function industryLevels(code: string): string[] {
  const out = [code.slice(0, 1)];
  for (let len = 3; len <= code.length; len++) out.push(code.slice(0, len));
  return out;
}

export class Columns {
  capacity: number;
  /** slots in use (some may be removed: see `live`) */
  slots = 0;
  live: Bits;
  keys: (string | undefined)[] = [];
  readonly slotOf = new Map<string, number>();
  readonly industry: CategoricalColumn;
  readonly district: CategoricalColumn;
  readonly town: CategoricalColumn;
  size: Uint8Array;
  /** YYYYMMDD; 0 = unknown */
  registered: Int32Array;
  /** NaN = unknown */
  employees: Float64Array;
  revenue: Float64Array;
  assets: Float64Array;
  readonly sizeBits: Bits[];
  readonly tagBits = new Map<string, Bits>();
  readonly licenseBits = new Map<string, Bits>();
  badCredit: Bits;

  /** counts writes: whoever keeps bitsets derived from the columns knows when they may be stale */
  version = 0;

  constructor(capacity = 1024) {
    this.capacity = capacity;
    const words = wordsFor(capacity);
    this.live = new Uint32Array(words);
    this.industry = new CategoricalColumn(capacity, industryLevels);
    // a district also belongs to its province's and city's regions (keys of Matcher.regionBits)
    this.district = new CategoricalColumn(capacity, (v) => [v, `region:${v.slice(0, 2)}`, `region:${v.slice(0, 4)}`, `region:${v}`]);
    this.town = new CategoricalColumn(capacity, (v) => [v]);
    this.size = new Uint8Array(capacity);
    this.registered = new Int32Array(capacity);
    this.employees = new Float64Array(capacity).fill(NaN);
    this.revenue = new Float64Array(capacity).fill(NaN);
    this.assets = new Float64Array(capacity).fill(NaN);
    this.sizeBits = SIZE_CLASSES.map(() => new Uint32Array(words));
    this.badCredit = new Uint32Array(words);
  }

  private ensure(slots: number): void {
    if (slots <= this.capacity) return;
    let capacity = this.capacity;
    while (capacity < slots) capacity *= 2;
    const words = wordsFor(capacity);
    this.live = grow(this.live, words);
    this.industry.resize(capacity);
    this.district.resize(capacity);
    this.town.resize(capacity);
    const u8 = new Uint8Array(capacity); u8.set(this.size); this.size = u8;
    const i32 = new Int32Array(capacity); i32.set(this.registered); this.registered = i32;
    for (const k of ['employees', 'revenue', 'assets'] as const) {
      const f = new Float64Array(capacity).fill(NaN);
      f.set(this[k]);
      this[k] = f;
    }
    for (let i = 0; i < this.sizeBits.length; i++) this.sizeBits[i] = grow(this.sizeBits[i]!, words);
    for (const m of [this.tagBits, this.licenseBits]) for (const [k, b] of m) m.set(k, grow(b, words));
    this.badCredit = grow(this.badCredit, words);
    this.capacity = capacity;
  }

  /** Adds or replaces an enterprise by its key (the USCC); returns its slot. */
  upsert(e: EnterpriseAttributes, key = e.uscc): number {
    const slot = this.slotOf.get(key);
    if (slot !== undefined) return this.write(slot, e, false);
    const added = this.append(e, key);
    this.slotOf.set(key, added);
    return added;
  }

  /** Adds an enterprise in a new slot (bulk loads: no key lookup when `key` is undefined). */
  append(e: EnterpriseAttributes, key?: string): number {
    const slot = this.slots;
    this.ensure(slot + 1);
    this.slots += 1;
    if (key !== undefined) {
      this.keys[slot] = key;
      this.slotOf.set(key, slot);
    }
    return this.write(slot, e, true);
  }

  private write(slot: number, e: EnterpriseAttributes, isNew: boolean): number {
    this.version++;
    setBit(this.live, slot, true);
    this.industry.set(slot, e.industryCode);
    this.district.set(slot, e.districtCode);
    this.town.set(slot, e.town);
    const oldSize = this.size[slot]!;
    if (oldSize > 0) setBit(this.sizeBits[oldSize - 1]!, slot, false);
    const size = e.sizeClass === null ? 0 : SIZE_CLASSES.indexOf(e.sizeClass) + 1;
    this.size[slot] = size;
    if (size > 0) setBit(this.sizeBits[size - 1]!, slot, true);
    this.registered[slot] = e.registrationDate === null ? 0 : dateNumber(e.registrationDate);
    this.employees[slot] = e.employees ?? NaN;
    this.revenue[slot] = e.revenue ?? NaN;
    this.assets[slot] = e.assets ?? NaN;
    this.setMembers(this.tagBits, slot, e.tags, isNew);
    this.setMembers(this.licenseBits, slot, e.licenses, isNew);
    setBit(this.badCredit, slot, e.seriousBadCredit);
    return slot;
  }

  /** Takes an enterprise out (its slot is left empty). */
  remove(key: string): number | undefined {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return undefined;
    setBit(this.live, slot, false);
    return slot;
  }

  private setMembers(map: Map<string, Bits>, slot: number, values: string[], isNew: boolean): void {
    if (!isNew) for (const [v, b] of map) if (hasBit(b, slot) && !values.includes(v)) setBit(b, slot, false);
    for (const v of values) {
      let b = map.get(v);
      if (!b) map.set(v, (b = new Uint32Array(wordsFor(this.capacity))));
      setBit(b, slot, true);
    }
  }

  /** Bits of a tag or license held (an empty set for an unseen value). */
  memberBits(map: Map<string, Bits>, value: string): Bits {
    let b = map.get(value);
    if (!b) map.set(value, (b = new Uint32Array(wordsFor(this.capacity))));
    return b;
  }

  /** The attributes held for a slot (for explanations and checks). */
  attributes(slot: number, tagsAndLicenses = true): EnterpriseAttributes {
    const num = (v: number) => (Number.isNaN(v) ? null : v);
    const reg = this.registered[slot]!;
    const members = (m: Map<string, Bits>) => (tagsAndLicenses ? [...m].filter(([, b]) => hasBit(b, slot)).map(([v]) => v) : []);
    return {
      uscc: this.keys[slot] ?? '',
      industryCode: this.industry.value(slot) ?? '',
      sizeClass: this.size[slot]! === 0 ? null : (SIZE_CLASSES[this.size[slot]! - 1] as SizeClass),
      districtCode: this.district.value(slot) ?? '',
      town: this.town.value(slot) ?? '',
      registrationDate: reg === 0 ? null : `${String(Math.floor(reg / 10000)).padStart(4, '0')}-${String(Math.floor(reg / 100) % 100).padStart(2, '0')}-${String(reg % 100).padStart(2, '0')}`,
      employees: num(this.employees[slot]!),
      revenue: num(this.revenue[slot]!),
      assets: num(this.assets[slot]!),
      tags: members(this.tagBits),
      licenses: members(this.licenseBits),
      seriousBadCredit: hasBit(this.badCredit, slot),
    };
  }
}
