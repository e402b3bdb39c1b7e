import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { businessClock } from '../../../platform/calendar/clock.ts';
import { phoneHashOf } from './applicant.ts';
import { notFoundBooking } from './changes.ts';
import type { AppointmentDto } from './contract.ts';
import { toDtos } from './present.ts';
import * as repo from './repository.ts';

/**
 * The applicant's proof that a booking is theirs: the enterprise's own session (its USCC), or the
 * phone number it was booked with. A wrong proof looks exactly like an unknown code.
 */
export async function findOwnBooking(db: Db, config: Config, code: string, proof: { principal: Principal | null; phone?: string }): Promise<repo.AppointmentRow> {
  const row = await repo.findByCode(db, code.toUpperCase());
  if (!row) throw notFoundBooking();
  const enterprise = proof.principal?.type === 'enterprise' ? proof.principal.uscc : null;
  if (enterprise && row.uscc === enterprise) return row;
  const hash = proof.phone ? phoneHashOf(config, proof.phone) : null;
  if (hash && hash === row.phoneHash) return row;
  throw notFoundBooking();
}

/** An enterprise's bookings (portal "my appointments"): from 30 days ago on, coming ones first. */
export async function listEnterpriseBookings(db: Db, uscc: string, now = new Date()): Promise<AppointmentDto[]> {
  const from = businessClock(new Date(now.getTime() - 30 * 24 * 3600_000)).date;
  const rows = await repo.listAppointments(db, { uscc, fromDate: from }, 200);
  return toDtos(db, rows, now);
}
