import { Space, Tag, Tooltip } from 'antd';
import type { CenterDto } from '@server/modules/venue/contract.ts';
import { t } from '../../../locales/zh-CN.ts';

/** The center's level, and a 就近办 mark on town centers and village stations. */
export function CenterLevelTag({ center }: { center: Pick<CenterDto, 'level' | 'isNearbyServicePoint'> }) {
  return (
    <Space size={4} wrap>
      <span>{t.centerLevels[center.level]}</span>
      {center.isNearbyServicePoint && (
        <Tooltip title={t.org.nearbyHint}>
          <Tag color="cyan">{t.org.nearby}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
