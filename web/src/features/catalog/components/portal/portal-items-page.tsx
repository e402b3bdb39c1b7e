import { Card, List, Segmented, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { Theme } from '@server/modules/catalog/contract.ts';
import type { ItemCard } from '@server/modules/catalog/portal/contract.ts';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { tc } from '../../../../locales/catalog.zh-CN.ts';
import { usePortalItems, usePortalOverview } from '../../queries.ts';

/** Published items, by theme or by department. */
export function PortalItemsPage() {
  const [params, setParams] = useSearchParams();
  const by = params.get('by') === 'department' ? 'department' : 'theme';
  const theme = (params.get('theme') ?? undefined) as Theme | undefined;
  const departmentId = params.get('departmentId') ?? undefined;
  const overview = usePortalOverview();
  const items = usePortalItems(by === 'theme' ? { theme } : { departmentId });
  const set = (next: Record<string, string | undefined>) =>
    setParams(Object.fromEntries(Object.entries({ by: by === 'department' ? 'department' : undefined, ...next }).filter(([, v]) => v)) as Record<string, string>);

  return (
    <Card
      title={by === 'theme' ? tc.portal.themesTitle : tc.portal.departmentsTitle}
      extra={
        <Segmented
          value={by}
          onChange={(v) => setParams(v === 'department' ? { by: 'department' } : {})}
          options={[
            { value: 'theme', label: tc.portal.navThemes },
            { value: 'department', label: tc.portal.navDepartments },
          ]}
        />
      }
    >
      {by === 'theme' ? (
        <Tabs
          activeKey={theme ?? 'all'}
          onChange={(k) => set({ theme: k === 'all' ? undefined : k })}
          items={[
            { key: 'all', label: tc.portal.all },
            ...(overview.data?.themes ?? []).map((t) => ({ key: t.theme, label: `${tc.themes[t.theme]}（${t.count}）` })),
          ]}
        />
      ) : (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={tc.portal.filterDepartment}
          value={departmentId}
          onChange={(v: string | undefined) => set({ departmentId: v })}
          options={overview.data?.departments.map((d) => ({ value: d.id, label: `${d.name}（${d.count}）` }))}
          style={{ width: 320, marginBottom: 16 }}
          data-testid="department-filter"
        />
      )}
      {items.isError ? (
        <QueryError error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <List<ItemCard>
          loading={items.isPending}
          dataSource={items.data}
          locale={{ emptyText: tc.portal.empty }}
          data-testid="portal-items"
          renderItem={(i) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/portal/items/${i.code}`}>{i.name}</Link>}
                description={
                  <Space size={[8, 4]} wrap>
                    <Typography.Text type="secondary">{i.departmentName}</Typography.Text>
                    <Tag>{tc.processingKinds[i.processingKind]}</Tag>
                    <Typography.Text type="secondary">{tc.portal.promisedDays(i.promisedLimitDays)}</Typography.Text>
                    {i.isCommitmentAllowed && <Tag color="purple">{tc.notice.commitment}</Tag>}
                    {i.isDeferralAllowed && <Tag color="orange">{tc.notice.deferral}</Tag>}
                    {i.jointReviewGroup && <Tag color="cyan">{tc.notice.jointReview}</Tag>}
                    {i.appointmentMode === 'appointment_only' && <Tag color="red">{tc.appointmentModes.appointment_only}</Tag>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
