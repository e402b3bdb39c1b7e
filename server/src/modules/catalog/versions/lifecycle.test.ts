import { describe, expect, it } from 'vitest';
import { CATALOG_STATUSES } from '../contract.ts';
import { ENTRY_ACTIONS, transition, type EntryState } from './lifecycle.ts';

const STATES: EntryState[] = CATALOG_STATUSES.flatMap((status) =>
  [true, false].filter((hasDraft) => status !== 'draft' || hasDraft).map((hasDraft) => ({ status, hasDraft })),
);

describe('catalog entry life cycle', () => {
  it('answers every action in every reachable state', () => {
    const table = STATES.flatMap((s) =>
      ENTRY_ACTIONS.map((a) => {
        const o = transition(s, a);
        return `${s.status}${s.hasDraft ? '+draft' : ''} ${a} → ${'refused' in o ? 'refused' : `${o.status}/${o.draft}`}`;
      }),
    );
    expect(table).toEqual([
      'draft+draft save_draft → draft/update',
      'draft+draft discard_draft → refused',
      'draft+draft publish → published/promote',
      'draft+draft withdraw → refused',
      'published+draft save_draft → published/update',
      'published+draft discard_draft → published/delete',
      'published+draft publish → published/promote',
      'published+draft withdraw → withdrawn/keep',
      'published save_draft → published/create',
      'published discard_draft → refused',
      'published publish → refused',
      'published withdraw → withdrawn/none',
      'withdrawn+draft save_draft → withdrawn/update',
      'withdrawn+draft discard_draft → withdrawn/delete',
      'withdrawn+draft publish → published/promote',
      'withdrawn+draft withdraw → refused',
      'withdrawn save_draft → withdrawn/create',
      'withdrawn discard_draft → refused',
      'withdrawn publish → published/none',
      'withdrawn withdraw → refused',
    ]);
  });

  it('a published entry is never left without its published version, and publishing always empties the draft', () => {
    for (const s of STATES) {
      const o = transition(s, 'publish');
      if (!('refused' in o)) expect(['promote', 'none']).toContain(o.draft);
      for (const a of ENTRY_ACTIONS) {
        const r = transition(s, a);
        if (!('refused' in r) && s.status !== 'draft') expect(r.status).not.toBe('draft');
      }
    }
  });
});
