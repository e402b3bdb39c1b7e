import type { FastifyRequest } from 'fastify';
import { staffOf } from '../../platform/auth/plugin.ts';
import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { forbidden } from '../../platform/errors.ts';

/** Staff act on their own center's appointments; administrators on any center's. */
export function staffInCenter(request: FastifyRequest, centerId: string): StaffPrincipal {
  const staff = staffOf(request);
  if (!staff.roles.includes('administrator') && staff.centerId !== centerId) throw forbidden('只能查看或办理本中心的预约');
  return staff;
}
