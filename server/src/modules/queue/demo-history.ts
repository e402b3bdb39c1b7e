import { GREEN_REASONS, type GreenReason, type PriorityClass, type TicketChannel } from './contract.ts';
import type { PastTicket } from './history/service.ts';

/**
 * A deterministic day of a center's queue, for the demo's figures: arrivals in the morning and
 * afternoon, a share of appointments and green-channel tickets, counters serving in turn, a few
 * no-shows and cancellations, and the ratings of most finished visits.
 */

export type HistoryQueue = {
  id: string;
  prefix: string;
  /** tickets on an ordinary day */
  dailyTickets: number;
  /** typical minutes of service */
  serviceMinutes: number;
  counters: { id: string; staffId: string }[];
  items: { id: string; theme: string }[];
  /** what its counters record as handled when the ticket names no item */
  handledItemIds: string[];
  theme: string | null;
};

/**
 * A demo queue's items: those of its themes, as taken at the kiosk; what its counters record as
 * handled — the same, or any item of the center for a queue of no theme (证照领取, 帮办代办…).
 */
export function historyItemsOf(centerItems: readonly { id: string; theme: string }[], themes: readonly string[]): Pick<HistoryQueue, 'items' | 'handledItemIds'> {
  const items = centerItems.filter((i) => themes.includes(i.theme)).map((i) => ({ id: i.id, theme: i.theme }));
  return { items, handledItemIds: (items.length > 0 ? items : centerItems).map((i) => i.id) };
}

export type GeneratedDay = { tickets: PastTicket[]; ratings: { ticketIndex: number; level: number }[] };

const MORNING: [number, number] = [9 * 60, 11 * 60 + 45];
const AFTERNOON: [number, number] = [14 * 60, 17 * 60 + 15];
const LUNCH: [number, number] = [12 * 60, 14 * 60];

/** Beijing wall-clock minutes of a business date as an instant. */
export function instantOf(date: string, minutes: number): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, 0, 0, 0) + Math.round(minutes * 60_000) - 8 * 3600_000);
}

/** One business day of every queue; with `untilMinutes`, only what had ended by then (today so far). */
export function generateDay(f: {
  centerId: string;
  date: string;
  queues: readonly HistoryQueue[];
  usccs: readonly string[];
  untilMinutes?: number;
}): GeneratedDay {
  const tickets: PastTicket[] = [];
  const ratings: GeneratedDay['ratings'] = [];
  for (const queue of f.queues) {
    if (queue.counters.length === 0) continue;
    const random = mulberry32(hash(`${f.date}:${queue.prefix}`));
    const count = Math.round(queue.dailyTickets * (0.75 + 0.5 * random()));
    const arrivals = Array.from({ length: count }, () => {
      const [from, to] = random() < 0.6 ? MORNING : AFTERNOON;
      return from + random() * (to - from);
    }).sort((a, b) => a - b);
    const freeAt = queue.counters.map(() => MORNING[0]);
    let number = 0;
    for (const arrival of arrivals) {
      const kind = random();
      const priorityClass: PriorityClass = kind < 0.12 ? 'appointment' : kind < 0.2 ? 'green_channel' : 'ordinary';
      const channel: TicketChannel = priorityClass === 'appointment' ? 'appointment' : random() < 0.85 ? 'kiosk' : 'guidance';
      const greenReason: GreenReason | null = priorityClass === 'green_channel' ? GREEN_REASONS[Math.floor(random() * GREEN_REASONS.length)]! : null;
      const item = queue.items.length > 0 && random() < 0.85 ? queue.items[Math.floor(random() * queue.items.length)]! : null;
      const uscc = f.usccs.length > 0 && random() < 0.4 ? f.usccs[Math.floor(random() * f.usccs.length)]! : null;
      const fate = random();
      const base = { centerId: f.centerId, queue, businessDate: f.date, channel, priorityClass, greenReason, theme: item?.theme ?? queue.theme, itemId: item?.id ?? null, uscc };
      let ended: number;
      let ticket: PastTicket;
      if (fate < 0.03) {
        ended = arrival + 5 + random() * 20;
        ticket = { ...base, number: 0, state: 'cancelled', issuedAt: instantOf(f.date, arrival), calledAt: null, serviceStartedAt: null, serviceEndedAt: null, counterId: null, staffId: null, recallCount: 0 };
      } else {
        const lane = freeAt.indexOf(Math.min(...freeAt));
        let called = Math.max(arrival + 0.5, freeAt[lane]!);
        if (called >= LUNCH[0] && called < LUNCH[1]) called = Math.max(LUNCH[1], arrival + 0.5);
        const counter = queue.counters[lane]!;
        const at = { counterId: counter.id, staffId: counter.staffId, issuedAt: instantOf(f.date, arrival), calledAt: instantOf(f.date, called) };
        if (fate < 0.07) {
          ended = called + 3;
          ticket = { ...base, ...at, number: 0, state: 'no_show', serviceStartedAt: null, serviceEndedAt: null, recallCount: 2 };
        } else {
          const start = called + 0.5 + random() * 1.5;
          const service = queue.serviceMinutes * (0.4 + 1.4 * random() ** 1.5);
          ended = start + service;
          // A ticket taken at a theme's tile records at the counter the item actually handled.
          const handled = item?.id ?? queue.handledItemIds[tickets.length % Math.max(1, queue.handledItemIds.length)];
          ticket = { ...base, ...at, number: 0, state: 'done', serviceStartedAt: instantOf(f.date, start), serviceEndedAt: instantOf(f.date, ended), recallCount: random() < 0.1 ? 1 : 0, handledItemIds: handled ? [handled] : [] };
        }
        freeAt[lane] = ended + 0.5;
      }
      // Today so far: keep the numbers consecutive by stopping at the first visit not yet over.
      if (f.untilMinutes !== undefined && ended > f.untilMinutes) break;
      ticket.number = ++number;
      tickets.push(ticket);
      if (ticket.state === 'done' && random() < 0.7) {
        const r = random();
        ratings.push({ ticketIndex: tickets.length - 1, level: r < 0.8 ? 5 : r < 0.92 ? 4 : r < 0.97 ? 3 : r < 0.99 ? 2 : 1 });
      }
    }
  }
  return { tickets, ratings };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
