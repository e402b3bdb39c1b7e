import { Tag } from 'antd';
import { t } from '../locales/zh-CN.ts';

export function ActiveTag({ isActive }: { isActive: boolean }) {
  return isActive ? <Tag color="success">{t.common.active}</Tag> : <Tag>{t.common.inactive}</Tag>;
}
