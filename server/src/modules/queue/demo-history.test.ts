import { describe, expect, it } from 'vitest';
import { generateDay, historyItemsOf } from './demo-history.ts';

/** The demo's visits record an item handled, so their ratings have a department (issue 16, item 2). */
describe('demo history', () => {
  const centerItems = [
    { id: 'a1', theme: 'start_up' },
    { id: 'a2', theme: 'start_up' },
    { id: 'b1', theme: 'operating_permits' },
  ];
  const queue = (prefix: string, themes: string[]) => ({
    id: prefix,
    prefix,
    dailyTickets: 60,
    serviceMinutes: 10,
    counters: [{ id: `c-${prefix}`, staffId: `s-${prefix}` }],
    theme: themes[0] ?? null,
    ...historyItemsOf(centerItems, themes),
  });

  it('gives every finished visit an item handled: the ticket’s own, or one the queue’s counters handle', () => {
    const day = generateDay({ centerId: 'x', date: '2026-09-24', queues: [queue('A', ['start_up']), queue('H', [])], usccs: [] });
    const done = day.tickets.filter((t) => t.state === 'done');
    expect(done.length).toBeGreaterThan(50);
    expect(done.some((t) => t.itemId === null)).toBe(true);
    for (const t of done) {
      expect(t.handledItemIds).toHaveLength(1);
      if (t.itemId) expect(t.handledItemIds).toEqual([t.itemId]);
      if (t.queue.prefix === 'A') expect(['a1', 'a2']).toContain(t.handledItemIds![0]);
    }
    // a queue of no theme (证照领取) handles any item of the center
    expect(new Set(done.filter((t) => t.queue.prefix === 'H').map((t) => t.handledItemIds![0])).size).toBeGreaterThan(1);
    expect(day.tickets.filter((t) => t.state !== 'done').every((t) => !t.handledItemIds?.length)).toBe(true);
  });
});
