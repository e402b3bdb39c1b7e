import { Card, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { QueryError } from '../../../../components/query-error.tsx';
import { tcr } from '../../../../locales/cross-region.zh-CN.ts';
import type { DirectoryEntryDto } from '../api.ts';
import { usePublicDirectory } from '../queries.ts';

/** 跨域通办事项目录 on the portal: each item, the center that publishes it, its modes and partner regions. */
export function PortalCrossRegionPage() {
  const directory = usePublicDirectory();
  if (directory.isError) return <QueryError error={directory.error} onRetry={() => void directory.refetch()} />;
  if (!directory.data) return <Skeleton active />;
  const c = tcr.portal.columns;
  return (
    <Card title={tcr.portal.title}>
      <Typography.Paragraph>{tcr.portal.intro}</Typography.Paragraph>
      <Table<DirectoryEntryDto>
        rowKey="id"
        size="small"
        pagination={false}
        locale={{ emptyText: tcr.portal.empty }}
        dataSource={directory.data}
        onRow={(e) => ({ 'data-testid': 'cross-region-directory-row', 'data-item': e.itemName, 'data-center': e.centerName }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: c.item, dataIndex: 'itemName' },
          { title: c.center, dataIndex: 'centerName' },
          { title: c.modes, dataIndex: 'modes', render: (modes: string[]) => <Space wrap>{modes.map((m) => <Tag key={m} color="blue">{tcr.modes[m]}</Tag>)}</Space> },
          { title: c.partners, dataIndex: 'partnerRegions', render: (regions: DirectoryEntryDto['partnerRegions']) => regions.map((r) => r.name).join('、') },
        ]}
      />
    </Card>
  );
}
