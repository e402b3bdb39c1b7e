import { Tag, Tooltip } from 'antd';
import type { SizeClass } from '@server/modules/enterprises/contract.ts';
import { te } from '../../../locales/enterprises.zh-CN.ts';

const COLORS: Record<SizeClass, string> = { large: 'magenta', medium: 'geekblue', small: 'green', micro: 'default' };

/** The size class as a tag; hovering shows why (or why it cannot be classified yet). */
export function SizeClassTag({ sizeClass, reason }: { sizeClass: SizeClass | null; reason?: string }) {
  const tag = sizeClass ? <Tag color={COLORS[sizeClass]}>{te.sizeClasses[sizeClass]}</Tag> : <Tag>{te.fields.notClassified}</Tag>;
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}
