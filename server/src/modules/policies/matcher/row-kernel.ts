import { numericBounds, registrationDates } from '../rules/evaluate.ts';
import { SIZE_CLASSES, type Condition, type NumericCondition } from '../rules/rule.ts';
import type { CategoricalColumn, Columns } from './columns.ts';
import { chunks } from '../../../lib/chunks.ts';

type Run = (
  s: number,
  r: Uint8Array,
  E: Float64Array,
  R: Float64Array,
  A: Float64Array,
  G: Int32Array,
  S: Uint8Array,
  I: Int32Array,
  T: Int32Array,
  D: Int32Array,
  B: Uint32Array,
  H: Int8Array[],
  M: Uint32Array[],
) => void;

type CategoricalField = 'industry' | 'town' | 'districtCode';
/** a categorical condition; `H[k]` says whether each value id of its column meets it, extended as the column's dictionary grows */
type Categorical = { field: CategoricalField; matches: (v: string) => boolean };

/** Lines per generated function: V8 optimizes a function only below a size limit. */
export const LINES_PER_FUNCTION = 64;

const literal = (n: number) => (n === Infinity ? 'Infinity' : n === -Infinity ? '-Infinity' : String(n));

/**
 * Every condition for one enterprise as one generated function: the slot's values are read once
 * and each condition is one line of plain comparisons over typed arrays, so that matching one
 * enterprise against every policy costs a single call instead of one closure call per condition.
 * `r[id]` becomes 1 where condition `id` holds. Agrees with `meetsCondition` (the bench and the
 * property tests check it).
 */
export class RowKernel {
  private readonly runs: Run[];
  private readonly categorical: Categorical[] = [];
  private readonly members: { map: 'tagBits' | 'licenseBits'; value: string }[] = [];
  private readonly H: Int8Array[] = [];
  private M: Uint32Array[] = [];
  private membersFor = -1;
  /** the three dictionaries' sizes added up when H was last extended (dictionaries only grow) */
  private dictTotal = -1;

  constructor(
    conditions: Condition[],
    private readonly cols: Columns,
    today: string,
  ) {
    const lines = conditions.map((c, id) => `r[${id}] = (${this.expression(c, today)}) ? 1 : 0;`);
    const head = 'const e = E[s], rv = R[s], a = A[s], g = G[s], z = S[s], ind = I[s], tw = T[s], di = D[s], w = s >>> 5, bit = 1 << (s & 31);';
    // in pieces small enough for the optimizing compiler, which leaves very large functions interpreted
    this.runs = chunks(lines, LINES_PER_FUNCTION).map((part) => new Function('s', 'r', 'E', 'R', 'A', 'G', 'S', 'I', 'T', 'D', 'B', 'H', 'M', `${head}\n${part.join('\n')}`) as Run);
  }

  /** The conditions' results for one slot, into `r`. */
  evaluate(slot: number, r: Uint8Array): void {
    const c = this.cols;
    this.refresh();
    for (const run of this.runs) run(slot, r, c.employees, c.revenue, c.assets, c.registered, c.size, c.industry.ids, c.town.ids, c.district.ids, c.badCredit, this.H, this.M);
  }

  private column(field: CategoricalField): CategoricalColumn {
    return field === 'industry' ? this.cols.industry : field === 'town' ? this.cols.town : this.cols.district;
  }

  /** New dictionary values get their hits; bitsets replaced by a resize are read again. */
  private refresh(): void {
    const total = this.cols.industry.dict.values.length + this.cols.town.dict.values.length + this.cols.district.dict.values.length;
    if (total !== this.dictTotal) {
      this.dictTotal = total;
      for (let k = 0; k < this.categorical.length; k++) {
        const { field, matches } = this.categorical[k]!;
        const values = this.column(field).dict.values;
        const hit = this.H[k]!;
        if (hit.length === values.length) continue;
        const next = new Int8Array(values.length);
        next.set(hit);
        for (let i = hit.length; i < values.length; i++) next[i] = matches(values[i]!) ? 1 : 0;
        this.H[k] = next;
      }
    }
    if (this.membersFor !== this.cols.capacity) {
      this.M = this.members.map((m) => this.cols.memberBits(this.cols[m.map], m.value));
      this.membersFor = this.cols.capacity;
    }
  }

  private expression(c: Condition, today: string): string {
    switch (c.field) {
      case 'industry':
      case 'districtCode':
      case 'town': {
        const values = c.op === 'prefix' || c.op === 'eq' ? [c.value] : c.value;
        const matches = c.field === 'industry' ? (v: string) => values.some((p) => v.startsWith(p)) : (v: string) => values.includes(v);
        const k = this.categorical.push({ field: c.field, matches }) - 1;
        this.H.push(new Int8Array(0));
        const id = c.field === 'industry' ? 'ind' : c.field === 'town' ? 'tw' : 'di';
        return `${id} >= 0 && ${id} < H[${k}].length && H[${k}][${id}] === 1`;
      }
      case 'sizeClass': {
        let mask = 0;
        for (const s of c.value) mask |= 1 << (SIZE_CLASSES.indexOf(s) + 1);
        return `(${mask} & (1 << z)) !== 0`;
      }
      case 'tags':
      case 'license': {
        const values = c.op === 'containsAny' ? c.value : [c.value];
        const map = c.field === 'tags' ? 'tagBits' : 'licenseBits';
        return values
          .map((value) => {
            const m = this.members.push({ map, value }) - 1;
            return `(M[${m}][w] & bit) !== 0`;
          })
          .join(' || ');
      }
      case 'seriousBadCredit':
        return c.value ? '(B[w] & bit) !== 0' : '(B[w] & bit) === 0';
      case 'registeredYears': {
        const [minDate, maxDate] = registrationDates(c as NumericCondition, today);
        return `g >= ${literal(minDate)} && g <= ${literal(maxDate)}`;
      }
      default: {
        const [lo, hi] = numericBounds(c as NumericCondition);
        const v = c.field === 'employees' ? 'e' : c.field === 'revenue' ? 'rv' : 'a';
        // NaN (no value) fails both comparisons
        return `${v} >= ${literal(lo)} && ${v} <= ${literal(hi)}`;
      }
    }
  }
}
