import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { forbidden, invalidField } from '../../../platform/errors.ts';
import type { Theme } from '../../catalog/contract.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';
import { maskPhone } from '../../../platform/personal-data/personal-data.ts';
import { getCenterOrThrow } from '../settings/service.ts';
import { issueTicket } from '../tickets/service.ts';
import type { IssuedTicketDto } from '../tickets/contract.ts';
import type { InquiryDto, InquiryInput } from './contract.ts';
import * as repo from './repository.ts';

/**
 * The guidance desk (咨询导办台, 6.1.1): each inquiry is recorded with its first responder — the
 * staff member asked first (A.1.2) — and how it ended (A.1.3). Directing someone to a counter
 * takes the ticket on their behalf in the same transaction.
 */
export async function recordInquiry(db: Db, centerId: string, input: InquiryInput, by: StaffPrincipal): Promise<{ inquiry: InquiryDto; issued: IssuedTicketDto | null }> {
  await getCenterOrThrow(db, centerId);
  if (by.centerId !== centerId) throw forbidden('只能在本中心登记咨询');
  if (input.ticket && input.outcome !== 'directed') throw invalidField('ticket', '只有“引导至窗口”才需要取号');
  if (input.ticket?.overrideQuota && !by.permissions.has('queue.override_quota')) throw forbidden('您没有超出现场取号量加号的权限');
  const now = new Date();
  const result = await db.transaction(async (tx) => {
    const issued = input.ticket
      ? await issueTicket(tx, {
          centerId,
          ...input.ticket,
          itemId: input.ticket.itemId ?? input.itemId,
          channel: 'guidance',
          uscc: input.uscc,
          phone: input.phone,
          issuedBy: by.id,
          now,
        })
      : null;
    const id = await repo.insertInquiry(tx, {
      centerId,
      businessDate: businessClock(now).date,
      firstResponderId: by.id,
      mode: input.mode,
      subject: input.subject,
      theme: input.theme,
      itemId: input.itemId,
      uscc: input.uscc,
      phone: input.phone,
      outcome: input.outcome,
      ticketId: issued?.ticket.id ?? null,
      note: input.note,
    });
    return { id, issued };
  });
  return { inquiry: toDto((await repo.findInquiry(db, result.id))!), issued: result.issued };
}

export async function listInquiries(db: Db, centerId: string, date?: string): Promise<InquiryDto[]> {
  await getCenterOrThrow(db, centerId);
  return (await repo.listInquiries(db, centerId, date ?? businessClock(new Date()).date)).map(toDto);
}

function toDto(row: NonNullable<Awaited<ReturnType<typeof repo.findInquiry>>>): InquiryDto {
  return {
    ...row,
    askedAt: row.askedAt.toISOString(),
    theme: row.theme as Theme | null,
    phone: row.phone ? maskPhone(row.phone) : null,
    ticketDisplayNumber: row.ticketDisplayNumber ?? null,
  };
}
