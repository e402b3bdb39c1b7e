import type { PolicyRow } from './repository.ts';

/** The sender named in a policy's SMS: its issuing department. */
export const signature = (p: Pick<PolicyRow, 'issuingDepartment'>) => p.issuingDepartment || '惠企政策';
