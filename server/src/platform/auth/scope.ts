import type { FastifyRequest } from 'fastify';
import { forbidden } from '../errors.ts';
import { staffOf } from './plugin.ts';
import { isCenterInScope, type StaffPrincipal } from './principal.ts';

/**
 * The staff member asking, when they may act on this center: staff on their own center's data (a
 * region's roles also on the centers below it), administrators on any center's. Otherwise 403
 * with the module's `refusal` message.
 */
export function staffInCenter(request: FastifyRequest, centerId: string, refusal: string): StaffPrincipal {
  const staff = staffOf(request);
  if (!isCenterInScope(staff, centerId)) throw forbidden(refusal);
  return staff;
}
