import type { Db } from '../../../platform/db/database.ts';
import type { PersonalDataKeys } from '../../../platform/personal-data/personal-data.ts';
import { lockerWaitingFor } from '../delivery/lockers/service.ts';
import { noticePdf } from '../notices/service.ts';
import { getProgress } from '../progress/service.ts';
import * as repo from '../repository.ts';
import { notFound } from '../../../platform/errors.ts';
import type { KioskProgressDto } from './contract.ts';

/**
 * The 24-hour self-service kiosk (clause 7): progress by application number plus the applicant's
 * secret (the check code on the acceptance notice, or the phone given at intake) — the same proof
 * the portal asks — and the application's notices printed from there. It works at any hour.
 */

type Proof = { number: string; checkCode?: string; phone?: string };

export async function kioskProgress(db: Db, keys: PersonalDataKeys, q: Proof): Promise<KioskProgressDto> {
  const progress = await getProgress(db, keys, q);
  const app = (await repo.findApplicationByNumber(db, q.number))!;
  const notices = await repo.listNotices(db, [app.id]);
  return {
    ...progress,
    printable: notices.map((n) => ({ id: n.id, title: n.title, number: n.number })),
    locker: await lockerWaitingFor(db, app.id),
  };
}

/** One of the application's notices as a PDF, for the same proof. */
export async function kioskNoticePdf(db: Db, keys: PersonalDataKeys, q: Proof, noticeId: string) {
  await getProgress(db, keys, q);
  const app = (await repo.findApplicationByNumber(db, q.number))!;
  if (!(await repo.listNotices(db, [app.id])).some((n) => n.id === noticeId)) throw notFound('告知书');
  return noticePdf(db, app.id, noticeId);
}
