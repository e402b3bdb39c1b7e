import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { listDepartments } from '../../staff/service.ts';
import type { CatalogEntrySummary, CatalogStatus, HistoryEntry, VersionMeta } from '../contract.ts';
import { assertCanEdit, type Editor } from '../editor.ts';
import { invalidatePublished } from '../published/cache.ts';
import { bumpRevision, findCodeOwner } from '../repository.ts';
import { diffGuides } from './diff.ts';
import { requireTransition } from './lifecycle.ts';
import type { EntryListFilter, EntryPointers, EntryRow, VersionedRepository, VersionRow } from './repository.ts';

/** An item or bundle with its published version and its draft (ItemDetail, BundleDetail). */
export type EntryDetail<G> = {
  id: string;
  centerId: string;
  code: string;
  status: CatalogStatus;
  withdrawnReason: string;
  version: number;
  published: { meta: VersionMeta; guide: G } | null;
  draft: { meta: VersionMeta; guide: G } | null;
};

/** What differs between items and bundles in the life of a versioned entry. */
export type VersionedKind<G> = {
  kind: CatalogEntrySummary['kind'];
  repository: VersionedRepository<G>;
  notFound: (code?: string) => AppError;
  /** STALE_VERSION message: someone else changed the entry */
  staleMessage: string;
  /** GUIDE_VERSION_NOT_FOUND message */
  versionNotFoundMessage: string;
  /** Shape, rules and references, all problems at once; returns the guide as it will be stored. */
  validate: (db: Db, entry: { centerId: string; code: string }, guide: G) => Promise<G>;
  /** Throws when the entry may not be published with `guide` (checked after `validate`). */
  checkPublishable?: (db: Db, entry: EntryRow, guide: G) => Promise<void>;
  /** Throws when the entry may not be withdrawn (something published still needs it). */
  checkWithdrawable: (db: Db, entry: EntryRow) => Promise<void>;
};

/** Item and bundle codes share one space per center. */
export async function assertCodeFree(db: Db, centerId: string, code: string): Promise<void> {
  if (await findCodeOwner(db, centerId, code)) {
    throw new AppError('DUPLICATE', `编码“${code}”已被本中心的事项或一件事使用`, [{ field: 'code', message: '编码已被使用' }]);
  }
}

/**
 * The draft → published life of one kind of entry (versions/lifecycle.ts) over its repository:
 * edits go to at most one draft, a published version never changes, every change is optimistic
 * on the entry's `version`, and what the public sees changes only with a revision bump.
 */
export function versionedService<G>(k: VersionedKind<G>) {
  const repo = k.repository;
  const stale = () => new AppError('STALE_VERSION', k.staleMessage, [{ field: 'version', message: '版本已过期' }]);

  async function get(db: Db, id: string): Promise<EntryDetail<G>> {
    const row = await repo.findEntry(db, id);
    if (!row) throw k.notFound();
    return toDetail(db, row);
  }

  async function loadForEdit(db: Db, id: string, editor: Editor): Promise<EntryRow> {
    const entry = await repo.findEntry(db, id);
    if (!entry) throw k.notFound();
    assertCanEdit(editor, entry.centerId);
    return entry;
  }

  async function toDetail(db: Db, row: EntryRow): Promise<EntryDetail<G>> {
    const versions = await repo.findVersions(db, [row.publishedVersionId, row.draftVersionId].filter((v): v is string => v !== null));
    const pick = (id: string | null) => {
      const v = versions.find((x) => x.id === id);
      return v ? { meta: toVersionMeta(v), guide: v.guide } : null;
    };
    return {
      id: row.id,
      centerId: row.centerId,
      code: row.code,
      status: row.status,
      withdrawnReason: row.withdrawnReason,
      version: row.version,
      published: pick(row.publishedVersionId),
      draft: pick(row.draftVersionId),
    };
  }

  return {
    get,

    async list(db: Db, centerId: string, filter: EntryListFilter): Promise<CatalogEntrySummary[]> {
      const rows = await repo.listSummaries(db, centerId, filter);
      return rows.map((r) => ({ ...r, kind: k.kind, updatedAt: r.updatedAt.toISOString() }));
    },

    async getByCode(db: Db, centerId: string, code: string): Promise<EntryDetail<G>> {
      const row = await repo.findEntryByCode(db, centerId, code);
      if (!row) throw k.notFound(code);
      return toDetail(db, row);
    },

    /** A new entry starts as a draft (version 1); the caller has checked the editor, the code and the guide. */
    async create(db: Db, input: { centerId: string; code: string; guide: G }, editor: Editor): Promise<EntryDetail<G>> {
      const id = await db.transaction(async (tx) => {
        const entryId = await repo.insertEntry(tx, input.centerId, input.code);
        const versionId = await repo.insertVersion(tx, { entryId, number: 1, state: 'draft', guide: input.guide, note: '', actor: editor });
        await repo.updatePointers(tx, entryId, 1, { status: 'draft', publishedVersionId: null, draftVersionId: versionId, withdrawnReason: '' });
        return entryId;
      });
      return get(db, id);
    },

    /** Edits go to the draft: a published guide never changes; the first edit after publishing opens version n+1. */
    async saveDraft(db: Db, id: string, input: { version: number; guide: G; note: string }, editor: Editor): Promise<EntryDetail<G>> {
      const entry = await loadForEdit(db, id, editor);
      const guide = await k.validate(db, entry, input.guide);
      const outcome = requireTransition(stateOf(entry), 'save_draft');
      await db.transaction(async (tx) => {
        let draftVersionId = entry.draftVersionId;
        if (outcome.draft === 'update' && draftVersionId) await repo.updateDraftVersion(tx, draftVersionId, guide, input.note, editor);
        else {
          const number = await repo.nextVersionNumber(tx, id);
          draftVersionId = await repo.insertVersion(tx, { entryId: id, number, state: 'draft', guide, note: input.note, actor: editor });
        }
        if (!(await repo.updatePointers(tx, id, input.version, { ...pointersOf(entry), draftVersionId }))) throw stale();
      });
      return get(db, id);
    },

    async discardDraft(db: Db, id: string, input: { version: number }, editor: Editor): Promise<EntryDetail<G>> {
      const entry = await loadForEdit(db, id, editor);
      requireTransition(stateOf(entry), 'discard_draft');
      await db.transaction(async (tx) => {
        if (!(await repo.updatePointers(tx, id, input.version, { ...pointersOf(entry), draftVersionId: null }))) throw stale();
        await repo.deleteDraftVersion(tx, entry.draftVersionId!);
      });
      return get(db, id);
    },

    /** The draft becomes what the portal shows; the version it replaces stays, superseded, for whoever referred to it. */
    async publish(db: Db, id: string, input: { version: number }, editor: Editor): Promise<EntryDetail<G>> {
      const entry = await loadForEdit(db, id, editor);
      const outcome = requireTransition(stateOf(entry), 'publish');
      const isPromoted = outcome.draft === 'promote';
      const guide = (await repo.findVersion(db, isPromoted ? entry.draftVersionId! : entry.publishedVersionId!))!.guide;
      // Rules or referenced departments may have changed since the draft was saved.
      if (isPromoted) await k.validate(db, entry, guide);
      await k.checkPublishable?.(db, entry, guide);
      await db.transaction(async (tx) => {
        let publishedVersionId = entry.publishedVersionId;
        if (isPromoted) {
          if (publishedVersionId) await repo.supersedeVersion(tx, publishedVersionId);
          await repo.publishVersion(tx, entry.draftVersionId!, editor);
          publishedVersionId = entry.draftVersionId;
        }
        const ok = await repo.updatePointers(tx, id, input.version, {
          status: 'published',
          publishedVersionId,
          draftVersionId: isPromoted ? null : entry.draftVersionId,
          withdrawnReason: '',
        });
        if (!ok) throw stale();
        await bumpRevision(tx, entry.centerId);
      });
      invalidatePublished(db, entry.centerId);
      return get(db, id);
    },

    /** Takes an entry off the portal; it keeps its published version (and its draft, if any). */
    async withdraw(db: Db, id: string, input: { version: number; reason: string }, editor: Editor): Promise<EntryDetail<G>> {
      const entry = await loadForEdit(db, id, editor);
      requireTransition(stateOf(entry), 'withdraw');
      await k.checkWithdrawable(db, entry);
      await db.transaction(async (tx) => {
        if (!(await repo.updatePointers(tx, id, input.version, { ...pointersOf(entry), status: 'withdrawn', withdrawnReason: input.reason }))) {
          throw stale();
        }
        await bumpRevision(tx, entry.centerId);
      });
      invalidatePublished(db, entry.centerId);
      return get(db, id);
    },

    /** Every version, newest first, with who made and published it and what changed from the one before. */
    async history(db: Db, id: string): Promise<HistoryEntry[]> {
      const entry = await repo.findEntry(db, id);
      if (!entry) throw k.notFound();
      const versions = await repo.listVersions(db, id);
      const names = new Map((await listDepartments(db, entry.centerId)).map((d) => [d.id, d.name]));
      const nameOf = (departmentId?: string) => names.get(departmentId ?? '') ?? departmentId;
      return versions.map((v, i) => ({
        meta: toVersionMeta(v),
        // departments are stored by id (departmentId, leadDepartmentId…) and shown by name
        changes: diffGuides(versions[i + 1]?.guide ?? null, v.guide as object).map((c) =>
          /departmentId$/i.test(c.field) ? { ...c, before: nameOf(c.before), after: nameOf(c.after) } : c,
        ),
      }));
    },

    /** One version, whatever its state: what was made against it keeps showing. */
    async getVersion(db: Db, versionId: string) {
      const v = await repo.findVersion(db, versionId);
      if (!v) throw new AppError('GUIDE_VERSION_NOT_FOUND', k.versionNotFoundMessage);
      return { id: v.id, entryId: v.entryId, centerId: v.centerId, code: v.code, meta: toVersionMeta(v), guide: v.guide };
    },
  };
}

const stateOf = (entry: EntryRow) => ({ status: entry.status, hasDraft: entry.draftVersionId !== null });
const pointersOf = (entry: EntryRow): EntryPointers => ({
  status: entry.status,
  publishedVersionId: entry.publishedVersionId,
  draftVersionId: entry.draftVersionId,
  withdrawnReason: entry.withdrawnReason,
});

function toVersionMeta(v: VersionRow<unknown>): VersionMeta {
  return {
    id: v.id,
    number: v.number,
    state: v.state,
    note: v.note,
    created: { id: v.createdById, name: v.createdByName, at: v.createdAt.toISOString() },
    updated: { id: v.updatedById, name: v.updatedByName, at: v.updatedAt.toISOString() },
    published: v.publishedAt ? { id: v.publishedById, name: v.publishedByName ?? '', at: v.publishedAt.toISOString() } : null,
  };
}
