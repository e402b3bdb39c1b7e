import { Tag } from 'antd';
import type { LicenseStatus } from '@server/modules/licenses/contract.ts';
import { tl } from '../../../locales/licenses.zh-CN.ts';

const COLORS: Record<LicenseStatus, string> = { valid: 'green', expired: 'orange', superseded: 'default', revoked: 'red' };

export function LicenseStatusTag({ status }: { status: LicenseStatus }) {
  return <Tag color={COLORS[status]}>{tl.statuses[status]}</Tag>;
}
