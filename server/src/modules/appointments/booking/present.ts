import QRCode from 'qrcode';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { getCenter } from '../../venue/service.ts';
import { hhmmOf, instantOf } from '../../../platform/calendar/clock.ts';
import type { Settings } from '../settings/service.ts';
import { loadSettings } from '../settings/service.ts';
import { STATE_NAMES } from '../workflow/workflow.ts';
import type { AppointmentDto, AppointmentWithQrDto } from './contract.ts';
import type { AppointmentRow } from './repository.ts';

/** When the applicant may still change the booking online: until the cut-off before the slot starts. */
export function changeDeadline(row: Pick<AppointmentRow, 'date' | 'startMinute'>, settings: Pick<Settings, 'changeCutoffMinutes'>): Date {
  return new Date(instantOf(row.date, row.startMinute).getTime() - settings.changeCutoffMinutes * 60_000);
}

/** What a DTO needs of a center; a caller who has it passes it along. */
export type CenterContext = { centerId: string; name: string; settings: Settings };

/** Rows as DTOs; the center's name and settings are read once per center (or taken from `known`). */
export async function toDtos(db: DbOrTx, rows: readonly AppointmentRow[], now = new Date(), known?: CenterContext): Promise<AppointmentDto[]> {
  const centers = new Map<string, Promise<{ name: string; settings: Settings }>>();
  if (known) centers.set(known.centerId, Promise.resolve(known));
  const contextOf = (centerId: string) => {
    let c = centers.get(centerId);
    if (!c) {
      c = Promise.all([getCenter(db, centerId), loadSettings(db, centerId)]).then(([center, settings]) => ({ name: center.name, settings }));
      centers.set(centerId, c);
    }
    return c;
  };
  return Promise.all(
    rows.map(async (row) => {
      const { name, settings } = await contextOf(row.centerId);
      const until = changeDeadline(row, settings);
      return {
        id: row.id,
        centerId: row.centerId,
        centerName: name,
        code: row.code,
        itemId: row.itemId,
        itemName: row.itemName,
        queueId: row.queueId,
        queueName: row.queueName,
        date: row.date,
        start: hhmmOf(row.startMinute),
        end: hhmmOf(row.endMinute),
        slotScope: row.slotScope,
        applicantType: row.applicantType,
        uscc: row.uscc,
        phone: row.phoneMasked,
        state: row.state,
        stateName: STATE_NAMES[row.state],
        channel: row.channel,
        checkInFrom: hhmmOf(row.startMinute - settings.checkInBeforeMinutes),
        checkInUntil: hhmmOf(row.startMinute + settings.checkInAfterMinutes),
        canChange: row.state === 'booked' && now.getTime() <= until.getTime(),
        changeUntil: until.toISOString(),
        ticketId: row.ticketId,
        checkedInAt: row.checkedInAt?.toISOString() ?? null,
        cancelledAt: row.cancelledAt?.toISOString() ?? null,
        cancelledBy: row.cancelledBy,
        rescheduleCount: row.rescheduleCount,
        createdAt: row.createdAt.toISOString(),
        version: row.version,
      };
    }),
  );
}

export async function toDto(db: DbOrTx, row: AppointmentRow, now = new Date(), known?: CenterContext): Promise<AppointmentDto> {
  return (await toDtos(db, [row], now, known))[0]!;
}

/** The booking with its QR code: the code itself, which the kiosk's scanner types in. */
export async function withQr(dto: AppointmentDto): Promise<AppointmentWithQrDto> {
  const svg = await QRCode.toString(dto.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { ...dto, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}
