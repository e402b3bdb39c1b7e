import type { PriorityClass } from '../contract.ts';

/**
 * The calling order. Higher classes go first, oldest first within a class; but a ticket that has
 * waited more than `maxExtraWaitMs` longer than the ticket that would be called instead of it goes
 * first (fairness: priority tickets may jump ahead, but not without bound).
 */
export type PriorityRule = {
  /** highest first; a class missing from the list ranks below every listed one */
  classOrder: readonly PriorityClass[];
  maxExtraWaitMs: number;
};

export type Candidate = {
  id: string;
  priorityClass: PriorityClass;
  /** the place in line: microseconds (or any unit, consistently) since an epoch; earlier is older */
  sortKey: number;
  /** breaks ties between equal sort keys (the ticket number) */
  number: number;
};

/** The next ticket to call, or undefined when there is none. */
export function pickNext<T extends Candidate>(tickets: readonly T[], rule: PriorityRule): T | undefined {
  return orderForCalling(tickets, rule, 1)[0];
}

/** The tickets in the order they would be called, or the first `limit` of them. */
export function orderForCalling<T extends Candidate>(tickets: readonly T[], rule: PriorityRule, limit = Infinity): T[] {
  const rankOf = (c: PriorityClass) => {
    const i = rule.classOrder.indexOf(c);
    return i === -1 ? rule.classOrder.length : i;
  };
  // One FIFO line per rank; only the head of each line can be next.
  const lines = new Map<number, T[]>();
  for (const t of tickets) {
    const rank = rankOf(t.priorityClass);
    let line = lines.get(rank);
    if (!line) lines.set(rank, (line = []));
    line.push(t);
  }
  const ranks = [...lines.keys()].sort((a, b) => a - b);
  for (const rank of ranks) lines.get(rank)!.sort(compareAge);
  const heads = new Map(ranks.map((r) => [r, 0]));

  const order: T[] = [];
  const max = Math.min(limit, tickets.length);
  while (order.length < max) {
    const bestRank = ranks.find((r) => heads.get(r)! < lines.get(r)!.length);
    if (bestRank === undefined) break;
    const best = lines.get(bestRank)![heads.get(bestRank)!]!;
    // The oldest head of a lower class that has waited too long beyond `best` goes instead.
    let chosenRank = bestRank;
    let chosen = best;
    for (const r of ranks) {
      if (r <= bestRank) continue;
      const head = lines.get(r)![heads.get(r)!];
      if (!head) continue;
      if (best.sortKey - head.sortKey > rule.maxExtraWaitMs && compareAge(head, chosen) < 0) {
        chosen = head;
        chosenRank = r;
      }
    }
    order.push(chosen);
    heads.set(chosenRank, heads.get(chosenRank)! + 1);
  }
  return order;
}

function compareAge(a: Candidate, b: Candidate): number {
  return a.sortKey - b.sortKey || a.number - b.number || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
