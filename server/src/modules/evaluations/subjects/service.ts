import type { Config } from '../../../config.ts';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import type { ApplicationFinished, VisitFinished } from '../../../platform/events/domain.ts';
import { decryptField, personalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { listPublishedItemFacts, type PublishedItemFacts } from '../../catalog/service.ts';
import { getCounter } from '../../venue/service.ts';
import { inviteBySms } from '../ratings/invitations.ts';
import { ratingUntil } from '../ratings/service.ts';
import { loadEvaluationSettings } from '../settings/service.ts';
import * as repo from './repository.ts';

/**
 * The consumer of `visit.finished` and `application.finished`: each finished service becomes a
 * rateable subject, with the department, counter, clerk and item answering for it (from the
 * venue and catalog services), and — when the subject carries a phone and may still be rated —
 * the SMS inviting its rating. A repeat of the event changes nothing.
 */

/*
 * The catalog's and venue's answers are kept a minute: a burst of events (a day's history loaded
 * at once) asks them once, and an item renamed since is seen within the minute.
 */
const MEMO_MS = 60_000;
const memo = new Map<string, { at: number; value: Promise<unknown> }>();
function remembered<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = memo.get(key);
  if (hit && Date.now() - hit.at < MEMO_MS) return hit.value as Promise<T>;
  const value = load();
  memo.set(key, { at: Date.now(), value });
  value.catch(() => memo.delete(key));
  return value;
}
const itemsOf = (tx: DbOrTx, centerId: string) => remembered(`items:${centerId}`, () => listPublishedItemFacts(tx as Db, centerId));
/** The published item, asking the catalog again when the remembered list does not have it (published since). */
async function findItem(tx: DbOrTx, centerId: string, match: (i: PublishedItemFacts) => boolean) {
  const item = (await itemsOf(tx, centerId)).find(match);
  if (item) return item;
  memo.delete(`items:${centerId}`);
  return (await itemsOf(tx, centerId)).find(match);
}
const departmentOfCounter = (tx: DbOrTx, counterId: string) => remembered(`counter:${counterId}`, async () => (await getCounter(tx as Db, counterId)).departmentId);

export async function recordFinishedVisit(tx: DbOrTx, config: Config, e: VisitFinished, now = new Date()): Promise<void> {
  const item = e.itemIds.length > 0 ? await findItem(tx, e.centerId, (i) => i.id === e.itemIds[0]) : undefined;
  const counterDepartmentId = e.counterId ? await departmentOfCounter(tx, e.counterId) : null;
  const added = await repo.insertSubject(tx, {
    id: e.ticketId,
    kind: 'visit',
    centerId: e.centerId,
    number: e.displayNumber,
    businessDate: e.businessDate,
    receiptTokenHash: e.receiptTokenHash,
    departmentId: item?.departmentId ?? counterDepartmentId ?? null,
    counterId: e.counterId,
    staffId: e.staffId,
    itemId: item?.id ?? null,
    itemCode: (item?.code ?? '').slice(0, 40),
    itemName: item?.name ?? '',
    processingKind: item?.processingKind ?? null,
    channel: e.channel,
    uscc: e.uscc,
    phoneCipher: e.phoneCipher,
    phoneMasked: e.phoneMasked,
    receivedAt: new Date(e.issuedAt),
    serviceStartedAt: e.serviceStartedAt ? new Date(e.serviceStartedAt) : null,
    finishedAt: new Date(e.finishedAt),
  });
  if (added) await invite(tx, config, { kind: 'visit', id: e.ticketId, centerId: e.centerId, phoneCipher: e.phoneCipher, text: `${e.displayNumber} 号业务`, finishedAt: new Date(e.finishedAt) }, now);
}

export async function recordFinishedApplication(tx: DbOrTx, config: Config, e: ApplicationFinished, now = new Date()): Promise<void> {
  const item = await findItem(tx, e.centerId, (i) => i.code === e.itemCode);
  const added = await repo.insertSubject(tx, {
    id: e.applicationId,
    kind: 'application',
    centerId: e.centerId,
    number: e.number,
    departmentId: e.departmentId,
    counterId: e.ticketId ? await repo.counterOfVisit(tx, e.ticketId) : null,
    staffId: e.staffId,
    itemId: item?.id ?? null,
    itemCode: e.itemCode.slice(0, 40),
    itemName: e.itemName,
    processingKind: item?.processingKind ?? null,
    channel: e.channel,
    uscc: e.uscc,
    applicantName: e.applicantName,
    phoneCipher: e.phoneCipher,
    phoneMasked: e.phoneMasked,
    receivedAt: new Date(e.receivedAt),
    finishedAt: new Date(e.finishedAt),
  });
  const text = `“${e.itemName}”（办件编号 ${e.number}）`;
  if (added) await invite(tx, config, { kind: 'application', id: e.applicationId, centerId: e.centerId, phoneCipher: e.phoneCipher, text, finishedAt: new Date(e.finishedAt) }, now);
}

/** The rating invitation by SMS, while the subject may still be rated. */
async function invite(
  tx: DbOrTx,
  config: Config,
  s: { kind: 'visit' | 'application'; id: string; centerId: string; phoneCipher: string | null; text: string; finishedAt: Date },
  now: Date,
) {
  if (!s.phoneCipher) return;
  const { ratingPeriodDays } = await loadEvaluationSettings(tx, s.centerId);
  if (now >= ratingUntil(s.finishedAt, ratingPeriodDays)) return;
  await inviteBySms(tx, config, {
    subject: { kind: s.kind, id: s.id },
    centerId: s.centerId,
    phone: decryptField(personalDataKeys(config), 'phone', s.phoneCipher),
    subjectText: s.text,
    finishedAt: s.finishedAt,
  });
}
