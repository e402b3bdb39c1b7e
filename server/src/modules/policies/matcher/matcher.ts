import { numericBounds, registrationDates } from '../rules/evaluate.ts';
import { conditionKey, isCondition, SIZE_CLASSES, type Condition, type NumericCondition, type Rule } from '../rules/rule.ts';
import { andInto, complementWithin, hasBit, orInto, popcount, setBit, slotsOf, wordsFor, type Bits } from './bitset.ts';
import { Columns } from './columns.ts';
import { chunks } from '../../../lib/chunks.ts';
import { LINES_PER_FUNCTION, RowKernel } from './row-kernel.ts';

/**
 * How a condition's bitset over every slot is made: by its own code (`shared` bitsets belong to
 * the columns and must not be changed), or, for a numeric condition, as a range of a column made
 * from bitsets of its bounds shared by every condition that states them.
 */
type ConditionBits = { bits: () => { bits: Bits; shared: boolean } } | { range: NumericRange };

/** A condition compiled once and shared by every policy that states it. */
type CompiledCondition = { id: number; condition: Condition } & ConditionBits;

type NumericRange = { column: 'employees' | 'revenue' | 'assets' | 'registered'; lo: number; hi: number };

type Node = { kind: 'condition'; c: CompiledCondition } | { kind: 'all' | 'any'; children: Node[] } | { kind: 'not'; child: Node };

type CompiledPolicy = { id: string; node: Node; result: Bits; region: Region | null };
/** A GB/T 2260 region as the district-code prefix it covers (440000 → 44, 440600 → 4406). */
type Region = { code: string; prefix: string };

/**
 * Matches enterprises against policies as bitset algebra over the columns. Each policy is
 * compiled once into a tree of shared conditions; the whole set of enterprises is matched a
 * policy at a time (conditions' bitsets are computed once per batch and shared), and one
 * enterprise is matched against every policy by reading its slot in the columns.
 */
export class Matcher {
  readonly columns: Columns;
  private readonly conditions = new Map<string, CompiledCondition>();
  private readonly policies = new Map<string, CompiledPolicy>();
  /** condition bitsets computed in the current batch, by condition id */
  private batch: Map<number, Bits> | null = null;
  /**
   * Slots at or above / at or below a bound of a column (`employees≥5`, `revenue≤300`), kept while
   * the columns do not change but for the slot re-matched (rematchSlot patches it).
   */
  private readonly bounds = new Map<string, { column: NumericRange['column']; side: 'ge' | 'le'; value: number; bits: Bits }>();
  private boundsFor = { version: -1, capacity: -1 };
  private memo = new Uint8Array(0);
  /** every condition for one slot, generated; rebuilt when a condition is added */
  private kernel: RowKernel | null = null;
  /** every policy's program as one generated function (one call per enterprise instead of one per policy); rebuilt when policies change */
  private all: { policies: CompiledPolicy[]; run: (r: Uint8Array, out: Uint8Array) => void; out: Uint8Array } | null = null;
  private compiledFor: string;

  constructor(
    columns = new Columns(),
    /** the business date (YYYY-MM-DD) that registeredYears is counted to */
    private readonly today: () => string,
  ) {
    this.columns = columns;
    this.compiledFor = today();
  }

  get policyIds(): string[] {
    return [...this.policies.keys()];
  }

  get conditionCount(): number {
    return this.conditions.size;
  }

  /** Compiles (or re-compiles) a policy and matches it against every enterprise; returns the slots added and removed. */
  setPolicy(id: string, rule: Rule, regionCode?: string): { added: number[]; removed: number[] } {
    this.refreshDay();
    const previous = this.policies.get(id)?.result;
    const region = regionOf(regionCode);
    const node = this.compile(rule);
    const result = this.bitsOf(node, region);
    this.policies.set(id, { id, node, result, region });
    this.all = null;
    return previous ? diff(previous, result) : { added: slotsOf(result), removed: [] };
  }

  /** Compiles policies without matching them (call `rematchAll` afterwards). */
  addPolicies(policies: { id: string; rule: Rule; regionCode?: string }[]): void {
    this.refreshDay();
    for (const p of policies) {
      const node = this.compile(p.rule);
      this.policies.set(p.id, { id: p.id, node, result: new Uint32Array(0), region: regionOf(p.regionCode) });
    }
    this.all = null;
  }

  removePolicy(id: string): void {
    this.policies.delete(id);
    this.all = null;
  }

  /** Every policy against every enterprise, sharing identical conditions; returns the number of matches. */
  rematchAll(): number {
    this.refreshDay();
    this.batch = new Map();
    // a condition's bitset is kept while policies still to be matched state it, then dropped
    const uses = new Map<number, number>();
    for (const p of this.policies.values()) for (const id of conditionIds(p.node)) uses.set(id, (uses.get(id) ?? 0) + 1);
    let total = 0;
    try {
      for (const p of this.policies.values()) {
        p.result = this.bitsOf(p.node, p.region);
        total += popcount(p.result);
        for (const id of conditionIds(p.node)) {
          const left = uses.get(id)! - 1;
          uses.set(id, left);
          if (left === 0) this.batch.delete(id);
        }
      }
    } finally {
      this.batch = null;
    }
    return total;
  }

  /** Enterprises (slots) a rule matches now, optionally within a scope such as a region. */
  evaluate(rule: Rule, regionCode?: string): Bits {
    this.refreshDay();
    return this.bitsOf(this.compile(rule), regionOf(regionCode));
  }

  matchesOf(policyId: string): Bits | undefined {
    return this.policies.get(policyId)?.result;
  }

  /** Every policy against one enterprise, updating the policies' results; returns the policies gained and lost. */
  rematchSlot(slot: number): { matched: string[]; added: string[]; removed: string[] } {
    this.refreshDay();
    this.patchBounds(slot);
    const matched: string[] = [];
    const added: string[] = [];
    const removed: string[] = [];
    const live = hasBit(this.columns.live, slot);
    const { policies, out } = this.runAll(slot);
    for (let i = 0; i < policies.length; i++) {
      const p = policies[i]!;
      if (p.result.length <= slot >>> 5) p.result = growTo(p.result, wordsFor(this.columns.capacity));
      const was = hasBit(p.result, slot);
      const now = live && out[i] === 1;
      if (now) matched.push(p.id);
      if (now !== was) {
        setBit(p.result, slot, now);
        (now ? added : removed).push(p.id);
      }
    }
    return { matched, added, removed };
  }

  /** The kept bounds after one write to the columns, for this slot: patched rather than dropped. */
  private patchBounds(slot: number): void {
    const cols = this.columns;
    if (this.boundsFor.version !== cols.version - 1 || this.boundsFor.capacity !== cols.capacity) return; // more has changed: made again on next use
    for (const { column, side, value, bits } of this.bounds.values()) {
      const v = column === 'registered' ? cols.registered[slot]! : cols[column][slot]!;
      setBit(bits, slot, side === 'ge' ? v >= value : v <= value);
    }
    this.boundsFor.version = cols.version;
  }

  /** Policies one enterprise meets, without changing anything (the one-enterprise path of the bench). */
  policiesOfSlot(slot: number): string[] {
    const { policies, out } = this.runAll(slot);
    const matched: string[] = [];
    for (let i = 0; i < policies.length; i++) if (out[i] === 1) matched.push(policies[i]!.id);
    return matched;
  }

  /** Every policy's answer for one slot (region included), in `out[i]` for `policies[i]`. */
  private runAll(slot: number): { policies: CompiledPolicy[]; out: Uint8Array } {
    if (!this.all) {
      const policies = [...this.policies.values()];
      this.all = { policies, run: programsOf(policies.map((p) => p.node)), out: new Uint8Array(policies.length) };
    }
    const { policies, run, out } = this.all;
    run(this.conditionResults(slot), out);
    const district = this.columns.district.value(slot) ?? '';
    for (let i = 0; i < policies.length; i++) {
      const region = policies[i]!.region;
      if (out[i] === 1 && region !== null && !district.startsWith(region.prefix)) out[i] = 0;
    }
    return { policies, out };
  }

  /** Whether a region (GB/T 2260 code) covers a district: 440000 covers 4406xx, 440600 covers 440605. */
  regionBits(regionCode: string): Bits {
    const { prefix } = regionOf(regionCode)!;
    return this.columns.district.bitsOf(`region:${prefix}`, this.columns.slots, (d) => d.startsWith(prefix));
  }

  private refreshDay(): void {
    const today = this.today();
    if (today === this.compiledFor) return;
    // registeredYears is read against the business date: recompile on a new day
    this.compiledFor = today;
    const rules = [...this.policies.values()].map((p) => ({ ...p, rule: decompile(p.node) }));
    this.conditions.clear();
    this.kernel = null;
    for (const r of rules) {
      const node = this.compile(r.rule);
      this.policies.set(r.id, { id: r.id, node, result: r.result, region: r.region });
    }
    this.all = null;
  }

  private compile(rule: Rule): Node {
    if (isCondition(rule)) return { kind: 'condition', c: this.condition(rule) };
    if ('all' in rule) return { kind: 'all', children: rule.all.map((r) => this.compile(r)) };
    if ('any' in rule) return { kind: 'any', children: rule.any.map((r) => this.compile(r)) };
    return { kind: 'not', child: this.compile(rule.not) };
  }

  /** Every compiled condition for one slot, once (shared by all policies). */
  private conditionResults(slot: number): Uint8Array {
    if (!this.kernel) {
      const conditions = [...this.conditions.values()].sort((a, b) => a.id - b.id).map((c) => c.condition);
      this.kernel = new RowKernel(conditions, this.columns, this.compiledFor);
      this.memo = new Uint8Array(conditions.length);
    }
    this.kernel.evaluate(slot, this.memo);
    return this.memo;
  }

  /** A fresh bitset of the node's matches (live slots of the region only). */
  private bitsOf(node: Node, region: Region | null): Bits {
    const out = this.owned(node);
    andInto(out, this.columns.live);
    if (region) andInto(out, this.regionBits(region.code));
    return out;
  }

  private owned(node: Node): Bits {
    const words = wordsFor(this.columns.capacity);
    switch (node.kind) {
      case 'condition': {
        const { bits } = this.conditionBits(node.c);
        return bits.slice(0, words);
      }
      case 'all':
      case 'any': {
        // conditions first (their bitsets are ready), groups after
        const ordered = [...node.children].sort((a, b) => Number(a.kind !== 'condition') - Number(b.kind !== 'condition'));
        const acc = this.owned(ordered[0]!);
        for (const child of ordered.slice(1)) {
          const other = child.kind === 'condition' ? this.conditionBits(child.c).bits : this.owned(child);
          if (node.kind === 'all') andInto(acc, other);
          else orInto(acc, other);
        }
        return acc;
      }
      case 'not': {
        const inner = this.owned(node.child);
        complementWithin(inner, this.columns.live);
        return inner;
      }
    }
  }

  private conditionBits(c: CompiledCondition): { bits: Bits; shared: boolean } {
    const cached = this.batch?.get(c.id);
    if (cached) return { bits: cached, shared: true };
    const made = 'range' in c ? this.rangeFromBounds(c.range) : c.bits();
    if (this.batch && !made.shared) this.batch.set(c.id, made.bits);
    return made;
  }

  /**
   * A range as (≥ lo) AND (≤ hi), each bound's bitset made by one scan of the column and kept:
   * policy thresholds are few and round (5, 10, 50 employees…), so a thousand policies scan each
   * column a few times instead of once per condition, and a policy re-matched later reuses them.
   */
  private rangeFromBounds({ column, lo, hi }: NumericRange): { bits: Bits; shared: boolean } {
    const cols = this.columns;
    if (this.boundsFor.version !== cols.version || this.boundsFor.capacity !== cols.capacity) {
      this.bounds.clear();
      this.boundsFor = { version: cols.version, capacity: cols.capacity };
    }
    const bound = (side: 'ge' | 'le', value: number): Bits => {
      const key = `${column}:${side}:${value}`;
      let kept = this.bounds.get(key);
      if (!kept) {
        const [from, to] = side === 'ge' ? [value, Infinity] : [-Infinity, value];
        const bits = column === 'registered' ? dateRangeBits(cols.registered, cols.slots, cols.capacity, from, to) : rangeBits(cols[column], cols.slots, cols.capacity, from, to);
        this.bounds.set(key, (kept = { column, side, value, bits }));
      }
      return kept.bits;
    };
    if (hi === Infinity) return { bits: bound('ge', lo), shared: true };
    if (lo === -Infinity) return { bits: bound('le', hi), shared: true };
    const out = bound('ge', lo).slice();
    andInto(out, bound('le', hi));
    return { bits: out, shared: false };
  }

  private condition(condition: Condition): CompiledCondition {
    const key = conditionKey(condition);
    let compiled = this.conditions.get(key);
    if (!compiled) {
      const id = this.conditions.size;
      compiled = { id, condition, ...compileCondition(condition, this.columns, this.compiledFor) };
      this.conditions.set(key, compiled);
      this.kernel = null;
    }
    return compiled;
  }
}

function regionOf(code: string | undefined): Region | null {
  return code ? { code, prefix: code.replace(/(00)+$/, '') } : null;
}

function compileCondition(c: Condition, cols: Columns, today: string): ConditionBits {
  const slots = () => cols.slots;
  const fresh = () => new Uint32Array(wordsFor(cols.capacity));
  const union = (parts: Bits[]): { bits: Bits; shared: boolean } => {
    if (parts.length === 1) return { bits: parts[0]!, shared: true };
    const out = fresh();
    for (const p of parts) orInto(out, p);
    return { bits: out, shared: false };
  };
  switch (c.field) {
    case 'industry':
    case 'districtCode':
    case 'town': {
      const column = c.field === 'industry' ? cols.industry : c.field === 'town' ? cols.town : cols.district;
      const values = c.op === 'prefix' || c.op === 'eq' ? [c.value] : c.value;
      return { bits: () => union(values.map((v) => column.bitsOf(v, slots(), c.field === 'industry' ? (x) => x.startsWith(v) : (x) => x === v))) };
    }
    case 'sizeClass':
      return { bits: () => union(c.value.map((s) => cols.sizeBits[SIZE_CLASSES.indexOf(s)]!)) };
    case 'tags':
    case 'license': {
      const map = c.field === 'tags' ? cols.tagBits : cols.licenseBits;
      const values = c.op === 'containsAny' ? c.value : [c.value];
      return { bits: () => union(values.map((v) => cols.memberBits(map, v))) };
    }
    case 'seriousBadCredit':
      return c.value
        ? { bits: () => ({ bits: cols.badCredit, shared: true }) }
        : {
            bits: () => {
              const out = cols.badCredit.slice();
              complementWithin(out, cols.live);
              return { bits: out, shared: false };
            },
          };
    case 'registeredYears': {
      const [minDate, maxDate] = registrationDates(c as NumericCondition, today);
      return { range: { column: 'registered', lo: minDate, hi: maxDate } };
    }
    default: {
      const field = c.field as 'employees' | 'revenue' | 'assets';
      const [lo, hi] = numericBounds(c as NumericCondition);
      return { range: { column: field, lo, hi } };
    }
  }
}

/** Slots whose date (YYYYMMDD) lies in [lo, hi]. */
function dateRangeBits(values: Int32Array, slots: number, capacity: number, lo: number, hi: number): Bits {
  const out = new Uint32Array(wordsFor(capacity));
  for (let i = 0; i < slots; i++) {
    const v = values[i]!;
    if (v >= lo && v <= hi) out[i >>> 5]! |= 1 << (i & 31);
  }
  return out;
}

/** Slots whose value lies in [lo, hi] (NaN never does), one word at a time. */
function rangeBits(values: Float64Array, slots: number, capacity: number, lo: number, hi: number): Bits {
  const out = new Uint32Array(wordsFor(capacity));
  const full = slots >>> 5;
  for (let w = 0; w < full; w++) {
    let word = 0;
    const base = w << 5;
    for (let j = 0; j < 32; j++) {
      const v = values[base + j]!;
      if (v >= lo && v <= hi) word |= 1 << j;
    }
    out[w] = word;
  }
  for (let i = full << 5; i < slots; i++) {
    const v = values[i]!;
    if (v >= lo && v <= hi) out[i >>> 5]! |= 1 << (i & 31);
  }
  return out;
}

/** A policy's rule as plain JavaScript boolean algebra over the conditions' results for one enterprise (`r[id]` is 1 when condition id holds). */
function expressionOf(n: Node): string {
  switch (n.kind) {
    case 'condition':
      return `r[${n.c.id}] === 1`;
    case 'all':
      return `(${n.children.map(expressionOf).join(' && ')})`;
    case 'any':
      return `(${n.children.map(expressionOf).join(' || ')})`;
    case 'not':
      return `!(${expressionOf(n.child)})`;
  }
}

/** Generates functions that answer every policy at once (`out[i]` is 1 when policy i holds), in pieces the optimizing compiler takes. */
function programsOf(nodes: Node[]): (r: Uint8Array, out: Uint8Array) => void {
  const lines = nodes.map((n, i) => `out[${i}] = ${expressionOf(n)} ? 1 : 0;`);
  const parts = chunks(lines, LINES_PER_FUNCTION).map((part) => new Function('r', 'out', part.join('\n')) as (r: Uint8Array, out: Uint8Array) => void);
  return (r, out) => {
    for (const part of parts) part(r, out);
  };
}

function conditionIds(node: Node): number[] {
  switch (node.kind) {
    case 'condition':
      return [node.c.id];
    case 'all':
    case 'any':
      return node.children.flatMap(conditionIds);
    case 'not':
      return conditionIds(node.child);
  }
}

function decompile(node: Node): Rule {
  switch (node.kind) {
    case 'condition':
      return node.c.condition;
    case 'all':
      return { all: node.children.map(decompile) };
    case 'any':
      return { any: node.children.map(decompile) };
    case 'not':
      return { not: decompile(node.child) };
  }
}

function growTo(bits: Bits, words: number): Bits {
  const next = new Uint32Array(words);
  next.set(bits.subarray(0, Math.min(bits.length, words)));
  return next;
}

function diff(before: Bits, after: Bits): { added: number[]; removed: number[] } {
  const words = Math.max(before.length, after.length);
  const added = new Uint32Array(words);
  const removed = new Uint32Array(words);
  for (let w = 0; w < words; w++) {
    const b = before[w] ?? 0;
    const a = after[w] ?? 0;
    added[w] = a & ~b;
    removed[w] = b & ~a;
  }
  return { added: slotsOf(added), removed: slotsOf(removed) };
}
