import { AppError } from '../../platform/errors.ts';
import type { StaffPrincipal } from '../../platform/auth/principal.ts';

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
