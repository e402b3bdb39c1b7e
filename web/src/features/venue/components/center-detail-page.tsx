import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../app/auth-context.tsx';
import { ActiveTag } from '../../../components/active-tag.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { t } from '../../../locales/zh-CN.ts';
import { useCenter, useCenters } from '../queries.ts';
import { CenterFormModal } from './center-form-modal.tsx';
import { CenterLevelTag } from './center-level-tag.tsx';
import { CountersTab } from './counters-tab.tsx';
import { DepartmentsTab } from './departments-tab.tsx';
import { ZonesTab } from './zones-tab.tsx';

/** One center: its particulars, and its zones, counters and settled departments. */
export function CenterDetailPage() {
  const centerId = useParams().centerId!;
  const { can } = useAuth();
  const center = useCenter(centerId);
  const centers = useCenters();
  const [isEditing, setEditing] = useState(false);

  if (center.isError) return <QueryError error={center.error} onRetry={() => void center.refetch()} />;
  const c = center.data;
  const parentName = c?.parentId ? centers.data?.find((p) => p.id === c.parentId)?.name : undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/org/centers">
        <ArrowLeftOutlined /> {t.org.backToList}
      </Link>
      <Card
        loading={center.isPending}
        title={c && <Space>{c.name}<ActiveTag isActive={c.isActive} /></Space>}
        extra={
          c &&
          can('org.manage') && (
            <Button onClick={() => setEditing(true)}>{t.common.edit}</Button>
          )
        }
      >
        {c && (
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'level', label: t.org.level, children: <CenterLevelTag center={c} /> },
              { key: 'region', label: t.org.region, children: `${c.regionName}（${c.regionCode}）` },
              { key: 'parent', label: t.org.parent, children: parentName ?? t.common.none },
              { key: 'address', label: t.org.address, children: c.address },
              { key: 'phone', label: t.org.phone, children: c.phone },
              { key: 'hours', label: t.org.openingHours, children: c.openingHours },
            ]}
          />
        )}
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'zones', label: t.org.zonesTab, children: <ZonesTab centerId={centerId} /> },
            { key: 'counters', label: t.org.countersTab, children: <CountersTab centerId={centerId} /> },
            { key: 'departments', label: t.org.departmentsTab, children: <DepartmentsTab centerId={centerId} /> },
          ]}
        />
      </Card>
      {isEditing && c && <CenterFormModal center={c} onClose={() => setEditing(false)} />}
    </Space>
  );
}
