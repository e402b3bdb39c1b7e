import type { FastifyRequest } from 'fastify';
import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { staffInCenter as inCenter } from '../../platform/auth/scope.ts';

/** Staff act on their own center's queue; administrators on any center's. */
export const staffInCenter = (request: FastifyRequest, centerId: string): StaffPrincipal =>
  inCenter(request, centerId, '只能查看或管理本中心的排队');
