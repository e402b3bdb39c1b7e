import type { StaffPrincipal } from '../../../../platform/auth/principal.ts';
import { isCenterInScope } from '../../../../platform/auth/principal.ts';
import { AppError } from '../../../../platform/errors.ts';
import { describeFiles } from '../../../../platform/files/service.ts';
import { maskPhone, personalDataKeys } from '../../../../platform/personal-data/personal-data.ts';
import { resolvePortalCenter } from '../../../catalog/service.ts';
import { contactPhonesOf, getOwnProfile } from '../../../enterprises/service.ts';
import { licensesOfHolder } from '../../../licenses/service.ts';
import { getDepartment } from '../../../staff/service.ts';
import type { ServiceDeps } from '../../actions.ts';
import * as appRepo from '../../repository.ts';
import { toSummary, viewOf } from '../../summary.ts';
import { checkProvided, receiveOnlineApplication, type OnlineApplicant } from '../online.ts';
import type { OnlineDraftDto, OnlineFormDto, OnlineReviewEntry, SubmitBody } from './contract.ts';
import * as repo from './repository.ts';
import { onlineSubject, type OnlineKind } from './subject.ts';

/**
 * 一网通办 (clause 7): an enterprise signed in on the portal applies for any item its center
 * offers online, or for a bundle (一件事) of such items. The form is pre-filled from the enterprise's profile and its e-licenses; what
 * it has filled in can be saved as a draft (one per item or bundle) and resumed; submitting receives the
 * application on the `online` channel (intake/online.ts) and removes the draft in the same
 * transaction. The online review center (网上审核中心) is the center's intake clerks: they see the
 * online applications waiting for the check and decide on them with the counter's decisions.
 */

type Materials = { key: string; fileId: string | null; licenseId: string | null }[];

export function parseAnswers(raw: string): Record<string, string> {
  return Object.fromEntries(raw ? raw.split(',').map((pair) => pair.split(':', 2) as [string, string]) : []);
}

export async function onlineFormFor(deps: ServiceDeps, applicant: OnlineApplicant, kind: OnlineKind, code: string, query: { centerId?: string; answers: Record<string, string> }): Promise<OnlineFormDto> {
  const centerId = await resolvePortalCenter(deps.db, query.centerId);
  const subject = await onlineSubject(deps, centerId, kind, code, query.answers);
  const enterprise = await getOwnProfile(deps.db, applicant.uscc);
  const phone = (await contactPhonesOf(deps.db, personalDataKeys(deps.config), [enterprise.id])).get(enterprise.id) ?? null;
  const licenses = await licensesOfHolder(deps.db, enterprise.id, { isValidOnly: true });
  const department = await getDepartment(deps.db, subject.departmentId).catch(() => null);
  const draft = await repo.findDraftOfItem(deps.db, enterprise.id, centerId, subject.code, kind);
  return {
    centerId,
    kind,
    item: { code: subject.code, name: subject.name, departmentName: department?.name ?? '', promisedLimitDays: subject.promisedLimitDays },
    applicant: { uscc: enterprise.uscc, name: enterprise.name, legalRepresentative: enterprise.legalRepresentative, address: enterprise.registeredAddress, contactPhoneMasked: phone ? maskPhone(phone) : null },
    questions: subject.questions.map((q) => ({ key: q.key, text: q.text, options: q.options.map((o) => ({ key: o.key, label: o.label })) })),
    materials: subject.checklist.filter((m) => m.status === 'missing').map((m) => {
      const license = m.licenseType ? licenses.find((l) => l.type.code === m.licenseType && l.status === 'valid') : undefined;
      return {
        key: m.key,
        name: m.name,
        importance: m.importance,
        requirement: m.requirement,
        licenseType: m.licenseType,
        license: license ? { id: license.id, number: license.number, typeName: license.type.name, validTo: license.validTo } : null,
      };
    }),
    draft: draft ? await toDraftDto(deps, draft) : null,
  };
}

/** What a draft may hold: answers to the questions asked, and only this enterprise's uploads and e-licenses for materials on the checklist. */
async function checkedDraft(deps: ServiceDeps, applicant: OnlineApplicant, centerId: string, kind: OnlineKind, code: string, input: { answers: Record<string, string>; materials: Materials }) {
  const subject = await onlineSubject(deps, centerId, kind, code, input.answers);
  await checkProvided(deps, applicant, subject.checklist, input.materials, false);
  return subject;
}

export async function createDraft(
  deps: ServiceDeps,
  applicant: OnlineApplicant,
  input: { kind: OnlineKind; itemCode: string; centerId?: string; answers: Record<string, string>; materials: Materials },
  now = new Date(),
): Promise<OnlineDraftDto> {
  const centerId = await resolvePortalCenter(deps.db, input.centerId);
  const subject = await checkedDraft(deps, applicant, centerId, input.kind, input.itemCode, input);
  const id = await repo.insertDraft(deps.db, { centerId, enterpriseId: applicant.enterpriseId, kind: input.kind, itemCode: subject.code, itemName: subject.name, answers: input.answers, materials: input.materials }, now);
  if (!id) throw new AppError('DUPLICATE', `贵企业已有“${subject.name}”的草稿，请继续填写该草稿`, [{ field: 'itemCode', message: '已有草稿' }]);
  return getDraft(deps, applicant, id);
}

export async function updateDraft(deps: ServiceDeps, applicant: OnlineApplicant, id: string, input: { answers: Record<string, string>; materials: Materials; version: number }, now = new Date()): Promise<OnlineDraftDto> {
  const draft = await ownDraft(deps, applicant, id);
  const subject = await checkedDraft(deps, applicant, draft.centerId, draft.kind, draft.itemCode, input);
  if ((await repo.updateDraft(deps.db, id, input.version, { itemName: subject.name, answers: input.answers, materials: input.materials }, now)) === 0) {
    throw new AppError('STALE_VERSION', '草稿已在其他页面保存过，请刷新后再改', [{ field: 'version', message: '草稿已更新' }]);
  }
  return getDraft(deps, applicant, id);
}

export async function getDraft(deps: ServiceDeps, applicant: OnlineApplicant, id: string): Promise<OnlineDraftDto> {
  return toDraftDto(deps, await ownDraft(deps, applicant, id));
}

export async function listDrafts(deps: ServiceDeps, applicant: OnlineApplicant): Promise<OnlineDraftDto[]> {
  return Promise.all((await repo.draftsOf(deps.db, applicant.enterpriseId)).map((d) => toDraftDto(deps, d)));
}

export async function deleteDraft(deps: ServiceDeps, applicant: OnlineApplicant, id: string): Promise<void> {
  await ownDraft(deps, applicant, id);
  await repo.deleteDraft(deps.db, id);
}

/** Submits the application (the draft of the item or bundle, if any, goes with it); refused while anything is wrong, nothing then changes. */
export async function submitOnline(deps: ServiceDeps, applicant: OnlineApplicant, body: SubmitBody, now = new Date()) {
  const centerId = await resolvePortalCenter(deps.db, body.centerId);
  const subject = await onlineSubject(deps, centerId, body.kind, body.itemCode, body.answers);
  return receiveOnlineApplication(
    deps,
    applicant,
    { centerId, kind: body.kind, itemCode: subject.code, answers: body.answers, contactPhone: body.contactPhone || null, materials: body.materials },
    async (tx) => {
      const draft = await repo.findDraftOfItem(tx, applicant.enterpriseId, centerId, subject.code, body.kind);
      if (draft) await repo.deleteDraft(tx, draft.id);
    },
    now,
  );
}

/** 网上审核中心: the center's online applications waiting for the clerk's check or for the applicant's supplement. */
export async function onlineReviewQueue(deps: ServiceDeps, clerk: StaffPrincipal, now = new Date()): Promise<OnlineReviewEntry[]> {
  if (!clerk.centerId || !isCenterInScope(clerk, clerk.centerId)) return [];
  const { rows } = await appRepo.searchApplications(deps.db, { centerId: clerk.centerId, states: ['received', 'awaiting_supplement'], channel: 'online', isTopLevel: true, page: 1, pageSize: 500 });
  const view = await viewOf(deps.db, clerk.centerId, now);
  return Promise.all(
    rows.map(async (row) => {
      const materials = await appRepo.listMaterials(deps.db, row.id);
      const owed = materials.filter((m) => m.status === 'defective' || m.status === 'missing').length;
      return { ...toSummary(row, view), owedMaterials: owed, suppliedSinceNotice: row.state === 'awaiting_supplement' && owed === 0 };
    }),
  );
}

async function ownDraft(deps: ServiceDeps, applicant: OnlineApplicant, id: string) {
  const draft = await repo.findDraft(deps.db, id);
  if (!draft || draft.enterpriseId !== applicant.enterpriseId) throw new AppError('NOT_FOUND', '草稿不存在');
  return draft;
}

async function toDraftDto(deps: ServiceDeps, d: repo.DraftRow): Promise<OnlineDraftDto> {
  const files = new Map((await describeFiles(deps.db, d.materials.flatMap((m) => (m.fileId ? [m.fileId] : [])), 'application_material')).map((f) => [f.id, f.filename]));
  return {
    id: d.id,
    kind: d.kind,
    itemCode: d.itemCode,
    itemName: d.itemName,
    answers: d.answers,
    materials: d.materials.map((m) => ({ ...m, filename: m.fileId ? (files.get(m.fileId) ?? null) : null })),
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
  };
}
