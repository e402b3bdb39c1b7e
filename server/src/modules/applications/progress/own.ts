import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { OwnApplicationList } from '../contract.ts';
import { noticePdf } from '../notices/service.ts';
import * as repo from '../repository.ts';
import { STATES, type ApplicationState } from '../workflow/definition.ts';
import * as ownRepo from './own-repository.ts';
import { summaryOf } from './service.ts';

/**
 * 我的办件 (portal): the applications of the enterprise signed in, without typing numbers — state,
 * due date, its notices (the PDFs only it may download here) and, while the result waits at the
 * counter, the pickup code the applicant gives the clerk. Another enterprise's application is not found.
 */

export async function listOwnApplications(db: Db, uscc: string): Promise<OwnApplicationList> {
  const rows = await ownRepo.listOwnApplications(db, uscc);
  const ids = rows.map((r) => r.id);
  const [notices, deliveries] = [await repo.listNotices(db, ids), await ownRepo.listDeliveries(db, ids)];
  const waiting = new Map(deliveries.filter((d) => d.method === 'counter' && d.state === 'awaiting_pickup').map((d) => [d.applicationId, d.pickupCode]));
  return {
    items: rows.map((app) => {
      const state = app.state as ApplicationState;
      return {
        id: app.id,
        number: app.number,
        name: app.name,
        channel: app.channel,
        state,
        stateLabel: STATES[state].label,
        receivedOn: businessToday(app.receivedAt),
        dueDate: app.dueDate,
        summary: summaryOf(app, state),
        checkCode: app.checkCode,
        pickupCode: waiting.get(app.id) ?? null,
        notices: notices
          .filter((n) => n.applicationId === app.id)
          .map((n) => ({ id: n.id, title: n.title, number: n.number, issuedAt: n.issuedAt.toISOString() })),
      };
    }),
  };
}

/** A notice of the enterprise's own application as a PDF; another's is not found. */
export async function ownNoticePdf(db: Db, uscc: string, applicationId: string, noticeId: string) {
  const app = await repo.findApplication(db, applicationId);
  if (!app || app.uscc !== uscc) throw new AppError('NOT_FOUND', '未找到该办件');
  return noticePdf(db, app.id, noticeId);
}
