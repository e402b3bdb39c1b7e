import { z } from 'zod';
import { progressDto, progressQuery } from '../contract.ts';

/** The kiosk asks with the number and a secret the applicant holds, in the body (a phone never travels in a URL). */
export const kioskProgressInput = progressQuery;
export const kioskNoticeParams = z.strictObject({ noticeId: z.uuid('编号格式不正确') });

export const kioskProgressDto = progressDto.extend({
  /** the notices the kiosk can print, with their ids */
  printable: z.array(z.object({ id: z.string(), title: z.string(), number: z.string() })),
  /** the result waits in a smart locker */
  locker: z.object({ name: z.string(), location: z.string(), slotNumber: z.string() }).nullable(),
});
export type KioskProgressDto = z.infer<typeof kioskProgressDto>;
