import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { isCenterInScope } from '../../platform/auth/principal.ts';
import type { Config } from '../../config.ts';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import type { RequestDetail, RequestSummary } from './contract.ts';
import * as repo from './repository.ts';
import { AGENCY_STATE_LABELS, AGENCY_WORKFLOW, availableAgencyActions, type AgencyState } from './workflow.ts';

export type ServiceDeps = { db: Db; config: Config };

export const ACTIVITY_LABELS: Record<string, string> = { visit: '上门走访', talk: '座谈交流', phone: '电话沟通', coordination: '联动协调', application: '代企业申报' };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A request the staff member may see: 404 for one of a center outside their scope. */
export async function requestFor(db: DbOrTx, principal: StaffPrincipal, id: string, options: { lock?: boolean } = {}): Promise<repo.RequestRow> {
  const row = await repo.findRequest(db, id, options);
  if (!row || !isCenterInScope(principal, row.centerId)) throw notFound('帮办代办申请');
  return row;
}

/** The enterprise's own request; 404 for anyone else's. */
export async function ownRequestFor(db: DbOrTx, enterpriseId: string, id: string, options: { lock?: boolean } = {}): Promise<repo.RequestRow> {
  const row = await repo.findRequest(db, id, options);
  if (!row || row.enterpriseId !== enterpriseId) throw notFound('帮办代办申请');
  return row;
}

/** The lists show the staff member's own center. */
export const ownCenter = (principal: StaffPrincipal): readonly string[] => (principal.centerId ? [principal.centerId] : []);

export function toSummary(row: repo.RequestRow): RequestSummary {
  return {
    id: row.id,
    number: row.number,
    enterpriseName: row.enterpriseName,
    uscc: row.uscc,
    itemId: row.itemId,
    itemName: row.itemName,
    matter: row.matter,
    channel: row.channel,
    state: row.state,
    stateLabel: AGENCY_STATE_LABELS[row.state],
    agentName: row.agentName,
    requestedOn: row.requestedOn,
    doneOn: row.doneOn,
    followUpDue: row.followUpDue,
    projectId: row.projectId,
    version: row.version,
  };
}

export function agreementOf(row: repo.RequestRow) {
  return row.agreementNumber && row.signedOn
    ? { number: row.agreementNumber, scope: row.agreementScope, signerName: row.signerName, signerIdMasked: row.signerIdMasked ?? '', signedOn: row.signedOn }
    : null;
}

export function materialsOf(rows: repo.MaterialRow[]) {
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    copies: m.copies,
    isOriginal: m.isOriginal,
    receivedAt: m.receivedAt.toISOString(),
    receivedBy: m.receivedBy,
    returnedAt: iso(m.returnedAt),
    returnedBy: m.returnedBy,
  }));
}

function actionLabel(action: string, activityKind: string | null): string {
  if (action === 'activity' && activityKind) return ACTIVITY_LABELS[activityKind] ?? action;
  return (AGENCY_WORKFLOW.actions as Record<string, { label: string }>)[action]?.label ?? action;
}

export async function detailOf(db: DbOrTx, row: repo.RequestRow): Promise<RequestDetail> {
  const [materials, events] = [await repo.listMaterials(db, [row.id]), await repo.listEvents(db, row.id)];
  return {
    ...toSummary(row),
    contactName: row.contactName,
    phoneMasked: row.phoneMasked,
    ticketId: row.ticketId,
    recordedBy: row.recordedBy,
    agreement: agreementOf(row),
    reason: row.reason,
    result: row.result,
    daysTaken: row.daysTaken,
    confirmedAt: iso(row.confirmedAt),
    confirmationNote: row.confirmationNote,
    followedUpOn: row.followedUpOn,
    followUpNote: row.followUpNote,
    satisfaction: row.satisfaction,
    materials: materialsOf(materials),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      actionLabel: actionLabel(e.action, e.activityKind),
      activityKind: e.activityKind,
      applicationId: e.applicationId,
      note: e.note,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
    actions: availableAgencyActions(row.state as AgencyState, 'staff'),
  };
}

export async function getRequestDetail(deps: ServiceDeps, principal: StaffPrincipal, id: string): Promise<RequestDetail> {
  return detailOf(deps.db, await requestFor(deps.db, principal, id));
}
