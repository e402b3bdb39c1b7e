import { AppError } from '../../platform/errors.ts';
import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import type { VersionMeta } from './contract.ts';

/** Who edits the catalog, and which centers' catalogs they may edit. */
export type Editor = { id: string | null; name: string; scope: 'all' | { centerId: string | null } };

/** Administrators keep every center's catalog; a center manager keeps the catalog of their own center. */
export function editorOf(p: StaffPrincipal): Editor {
  return {
    id: p.id,
    name: `${p.displayName}（${p.username}）`,
    scope: p.roles.includes('administrator') ? 'all' : { centerId: p.centerId },
  };
}

/** The demo data and other system loads. */
export const SYSTEM_EDITOR: Editor = { id: null, name: '系统（演示数据）', scope: 'all' };

export function assertCanEdit(editor: Editor, centerId: string): void {
  if (editor.scope !== 'all' && editor.scope.centerId !== centerId) {
    throw new AppError('FORBIDDEN', '只能维护本中心的事项目录');
  }
}

type VersionStamps = {
  id: string;
  number: number;
  state: 'draft' | 'published' | 'superseded';
  note: string;
  createdById: string | null;
  createdByName: string;
  createdAt: Date;
  updatedById: string | null;
  updatedByName: string;
  updatedAt: Date;
  publishedById: string | null;
  publishedByName: string | null;
  publishedAt: Date | null;
};

export function toVersionMeta(v: VersionStamps): VersionMeta {
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
