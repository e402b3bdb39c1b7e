import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, List, Row, Select, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useAuth } from '../../../../app/auth-context.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { formatDateTime } from '../../../../lib/time.ts';
import { optionsOf } from '../../../../lib/options.ts';
import { tfac } from '../../../../locales/facilities.zh-CN.ts';
import type { FacilityDto, FacilityStatus } from '../api.ts';
import { useFacilities, useFacilityFigures } from '../queries.ts';
import { FacilityActions } from './facility-actions.tsx';
import { FacilityFormModal } from './facility-form-modal.tsx';
import { FacilityHistoryDrawer } from './facility-history-drawer.tsx';

/** 设备设施台账 (4.2.2): the figures, the open faults, and the register with what each staff member may do. */
export function FacilitiesPage() {
  const canManage = useAuth().can('facility.manage');
  const [status, setStatus] = useState<FacilityStatus | undefined>();
  const [openFault, setOpenFault] = useState(false);
  const [editing, setEditing] = useState<FacilityDto | 'new' | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const list = useFacilities({ status, openFault });

  return (
    <Flex orientation="vertical" gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {tfac.title}
      </Typography.Title>
      <Typography.Text type="secondary">{tfac.hint}</Typography.Text>
      <Figures onShow={(id) => setHistoryOf(id)} />
      <Card>
        <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
          <Select<FacilityStatus | 'all'>
            style={{ width: 160 }}
            value={status ?? 'all'}
            aria-label={tfac.filterStatus}
            data-testid="facility-status-filter"
            onChange={(v) => setStatus(v === 'all' ? undefined : v)}
            options={[{ value: 'all', label: tfac.all }, ...optionsOf(tfac.statuses)]}
          />
          <Flex gap={8} align="center">
            <Switch checked={openFault} onChange={setOpenFault} data-testid="facility-open-fault-filter" aria-label={tfac.filterOpenFault} />
            <Typography.Text>{tfac.filterOpenFault}</Typography.Text>
          </Flex>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="facility-new" style={{ marginInlineStart: 'auto' }}>
              {tfac.newFacility}
            </Button>
          )}
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<FacilityDto>
            rowKey="id"
            data-testid="facility-table"
            loading={list.isPending}
            dataSource={list.data}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            onRow={(f) => ({ 'data-testid': 'facility-row', 'data-name': f.name }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: tfac.columns.name, dataIndex: 'name' },
              { title: tfac.columns.kind, dataIndex: 'kind', render: (kind: FacilityDto['kind']) => tfac.kinds[kind] },
              { title: tfac.columns.zone, dataIndex: 'zoneName' },
              { title: tfac.columns.location, dataIndex: 'locationNote' },
              { title: tfac.columns.assetNumber, dataIndex: 'assetNumber' },
              { title: tfac.columns.accessibility, dataIndex: 'isAccessibility', render: (is: boolean) => is && <Tag color="blue">{tfac.accessibilityTag}</Tag> },
              {
                title: tfac.columns.status,
                dataIndex: 'status',
                render: (s: FacilityStatus, f) => (
                  <>
                    <Tag color={tfac.statusColors[s]} data-testid={`facility-status-${f.id}`}>
                      {tfac.statuses[s]}
                    </Tag>
                    {f.openFault && <Typography.Text type="secondary">{tfac.reports(f.openFault.reports)}</Typography.Text>}
                  </>
                ),
              },
              { title: '', key: 'actions', render: (_: unknown, f) => <FacilityActions facility={f} onEdit={() => setEditing(f)} onHistory={() => setHistoryOf(f.id)} /> },
            ]}
          />
        )}
      </Card>
      {editing && <FacilityFormModal facility={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {historyOf && <FacilityHistoryDrawer id={historyOf} onClose={() => setHistoryOf(null)} />}
    </Flex>
  );
}

/** Counts by status and the open faults, oldest first, each with its age. */
function Figures({ onShow }: { onShow: (facilityId: string) => void }) {
  const figures = useFacilityFigures();
  if (figures.isError) return <QueryError error={figures.error} onRetry={() => void figures.refetch()} />;
  const f = figures.data;
  const stats: [string, number | undefined][] = [
    [tfac.figures.in_service, f?.byStatus.in_service],
    [tfac.figures.faulty, f?.byStatus.faulty],
    [tfac.figures.under_repair, f?.byStatus.under_repair],
    [tfac.figures.retired, f?.byStatus.retired],
    [tfac.figures.accessibility, f?.accessibilityInService],
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card loading={figures.isPending} data-testid="facility-figures">
          <Flex gap={24} wrap>
            {stats.map(([label, value]) => (
              <Statistic key={label} title={label} value={value ?? 0} />
            ))}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={tfac.openFaults} size="small" loading={figures.isPending} data-testid="open-faults">
          <List
            size="small"
            dataSource={f?.openFaults ?? []}
            locale={{ emptyText: tfac.noOpenFaults }}
            renderItem={(o) => (
              <List.Item actions={[<Tag key="age" color={o.ageDays > 2 ? 'red' : 'orange'}>{tfac.ageDays(o.ageDays)}</Tag>]}>
                <Button type="link" size="small" onClick={() => onShow(o.facilityId)} style={{ padding: 0 }}>
                  {o.facilityName}
                </Button>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {o.zoneName} · {tfac.statuses[o.status]} · {tfac.openedAt} {formatDateTime(o.openedAt)} · {tfac.reports(o.reports)}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
