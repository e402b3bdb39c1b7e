import type { EntryKind } from '../../api.ts';
import { useDiscardDraft, usePublish } from '../../queries.ts';
import { EditorBar } from './editor-bar.tsx';

/** What the bar needs of an item or bundle as stored (null while it is new). */
type StoredEntry = { id: string; code: string; status: 'draft' | 'published' | 'withdrawn'; version: number; draft: { meta: { number: number } } | null; published: { meta: { number: number } } | null };

const PORTAL_PATHS: Record<EntryKind, string> = { item: '/portal/items', bundle: '/portal/bundles' };

type Props = {
  kind: EntryKind;
  entry: StoredEntry | null;
  /** the title while the entry is new; afterwards its code and `name` */
  newTitle: string;
  name: string | undefined;
  note: string;
  onNote: (note: string) => void;
  errors: string[];
  /** saves the form as the draft: the entry as stored, or null when something is wrong (already shown) */
  saveDraft: () => Promise<StoredEntry | null>;
  /** shows a failed request under the fields and in the list */
  fail: (error: unknown) => null;
};

/** The editor bar of a versioned entry: publishing saves the form first; discarding drops the stored draft. */
export function EntryEditorBar({ kind, entry, newTitle, name, note, onNote, errors, saveDraft, fail }: Props) {
  const publish = usePublish();
  const discard = useDiscardDraft();
  /** runs a request on the stored entry; false when it failed */
  const attempt = async (request: () => Promise<unknown>) => {
    try {
      await request();
      return true;
    } catch (error) {
      return fail(error) !== null;
    }
  };
  return (
    <EditorBar
      title={entry ? `${entry.code} ${name ?? ''}` : newTitle}
      status={entry?.status ?? null}
      hasDraft={!!entry?.draft && !!entry.published}
      draftNumber={entry?.draft?.meta.number ?? (entry?.published ? entry.published.meta.number + 1 : 1)}
      isExistingDraft={!!entry?.draft}
      note={note}
      onNote={onNote}
      errors={errors}
      portalLink={entry?.status === 'published' ? `${PORTAL_PATHS[kind]}/${entry.code}` : null}
      onSave={async () => (await saveDraft()) !== null}
      onPublish={async () => {
        const saved = await saveDraft();
        return saved !== null && attempt(() => publish.mutateAsync({ kind, id: saved.id, version: saved.version }));
      }}
      onDiscard={entry ? () => attempt(() => discard.mutateAsync({ kind, id: entry.id, version: entry.version })) : null}
    />
  );
}
