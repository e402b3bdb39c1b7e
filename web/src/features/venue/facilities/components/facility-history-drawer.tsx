import { Descriptions, Drawer, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { QueryError } from '../../../../components/query-error.tsx';
import { formatDateTime } from '../../../../lib/time.ts';
import { tfac } from '../../../../locales/facilities.zh-CN.ts';
import type { FacilityDetail } from '../api.ts';
import { useFacility } from '../queries.ts';

/** A facility and its faults: every report, the repair started and finished. */
export function FacilityHistoryDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const detail = useFacility(id);
  return (
    <Drawer open size={560} title={detail.data?.name ?? tfac.history} onClose={onClose} data-testid="facility-history">
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : detail.isPending ? <Skeleton active /> : <History facility={detail.data} />}
    </Drawer>
  );
}

function History({ facility: f }: { facility: FacilityDetail }) {
  return (
    <>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={tfac.columns.kind}>{tfac.kinds[f.kind]}</Descriptions.Item>
        <Descriptions.Item label={tfac.columns.zone}>{f.zoneName}</Descriptions.Item>
        <Descriptions.Item label={tfac.columns.location}>{f.locationNote}</Descriptions.Item>
        <Descriptions.Item label={tfac.columns.assetNumber}>{f.assetNumber}</Descriptions.Item>
        <Descriptions.Item label={tfac.columns.status}>
          <Tag color={tfac.statusColors[f.status]}>{tfac.statuses[f.status]}</Tag>
          {f.isAccessibility && <Tag color="blue">{tfac.accessibilityTag}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{tfac.history}</Typography.Title>
      {f.faults.length === 0 && <Empty description={tfac.noHistory} />}
      {f.faults.map((fault) => (
        <Timeline
          key={fault.id}
          style={{ marginBottom: 16 }}
          items={[
            ...fault.reports.map((r) => ({ color: 'red', content: `${formatDateTime(r.reportedAt)} ${r.reportedByName}：${r.description}` })),
            ...(fault.repairStartedAt ? [{ color: 'orange', content: tfac.repairStarted(formatDateTime(fault.repairStartedAt), fault.repairStartedByName, fault.repairer) }] : []),
            ...(fault.repairFinishedAt ? [{ color: 'green', content: tfac.repairFinished(formatDateTime(fault.repairFinishedAt), fault.repairFinishedByName, fault.repairResult) }] : []),
            ...(fault.closedAs === 'retired' ? [{ color: 'gray', content: tfac.closedRetired }] : []),
          ]}
        />
      ))}
    </>
  );
}
