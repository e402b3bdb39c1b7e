import { AppError } from '../../../platform/errors.ts';
import type { CatalogStatus } from '../contract.ts';
import { assertNever } from '../../../lib/assert-never.ts';

/**
 * The life of a catalog entry (item or bundle) as data. An entry is `draft` until first
 * published; `published` entries show on the portal; `withdrawn` ones are hidden but keep their
 * published version. Edits always go to a draft version (at most one); publishing promotes it.
 */
export type EntryState = { status: CatalogStatus; hasDraft: boolean };

export const ENTRY_ACTIONS = ['save_draft', 'discard_draft', 'publish', 'withdraw'] as const;
export type EntryAction = (typeof ENTRY_ACTIONS)[number];

export type Outcome = {
  status: CatalogStatus;
  /** what happens to the draft version */
  draft: 'create' | 'update' | 'delete' | 'promote' | 'keep' | 'none';
};

/** The result of `action` on an entry in `state`, or the reason it is refused. */
export function transition(state: EntryState, action: EntryAction): Outcome | { refused: string } {
  const { status, hasDraft } = state;
  switch (action) {
    case 'save_draft':
      return { status, draft: hasDraft ? 'update' : 'create' };
    case 'discard_draft':
      if (!hasDraft) return { refused: '没有可丢弃的草稿' };
      if (status === 'draft') return { refused: '尚未发布的事项只有这一份草稿，不能丢弃' };
      return { status, draft: 'delete' };
    case 'publish':
      if (hasDraft) return { status: 'published', draft: 'promote' };
      if (status === 'withdrawn') return { status: 'published', draft: 'none' };
      return { refused: '没有待发布的修改' };
    case 'withdraw':
      if (status !== 'published') return { refused: status === 'withdrawn' ? '已撤回，无需重复撤回' : '尚未发布，无需撤回' };
      return { status: 'withdrawn', draft: hasDraft ? 'keep' : 'none' };
    default:
      return assertNever(action, 'action');
  }
}

/** Like `transition`, throwing INVALID_STATE when the action is refused. */
export function requireTransition(state: EntryState, action: EntryAction): Outcome {
  const outcome = transition(state, action);
  if ('refused' in outcome) throw new AppError('INVALID_STATE', outcome.refused);
  return outcome;
}
