import { Avatar, Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { QueryError } from '../../../components/query-error.tsx';
import { tdis } from '../../../locales/disclosure.zh-CN.ts';
import { staffPhotoUrl } from '../api.ts';
import { useDisclosureStaff } from '../queries.ts';

const ts = tdis.staff;

/** 窗口工作人员: name, staff number, counter and photo of the staff at the counters; on duty first. */
export function StaffSection({ centerId, large = false }: { centerId?: string; large?: boolean }) {
  const query = useDisclosureStaff(centerId);
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  if (!query.data) return <Spin />;
  const { date, staff } = query.data;
  const photo = { width: large ? 120 : 96, height: large ? 150 : 120 };
  return (
    <Flex vertical gap="middle" data-testid="disclosure-staff">
      <Typography.Text type="secondary">{ts.intro(date)}</Typography.Text>
      {staff.length === 0 && <Empty description={ts.empty} />}
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(${large ? 300 : 260}px, 1fr))`, gap: 16 }}>
        {staff.map((s) => (
          <Card key={s.staffId} size="small" data-testid="disclosure-staff-card">
            <Flex gap={16} align="center">
              {s.hasPhoto ? (
                <img src={staffPhotoUrl(s.staffId, s.photoVersion, centerId)} alt={s.name} {...photo} style={{ objectFit: 'cover', borderRadius: 8 }} />
              ) : (
                <Avatar shape="square" style={{ ...photo, lineHeight: `${photo.height}px` }}>
                  {ts.noPhoto}
                </Avatar>
              )}
              <Flex vertical gap={4}>
                <Typography.Text strong style={{ fontSize: '1.2em' }} data-testid="disclosure-staff-name">
                  {s.name}
                </Typography.Text>
                {s.staffNumber && (
                  <Typography.Text>
                    {ts.staffNumber}：{s.staffNumber}
                  </Typography.Text>
                )}
                <Typography.Text>{ts.counter(s.counterNumber, s.counterName)}</Typography.Text>
                {s.departmentName && <Typography.Text type="secondary">{s.departmentName}</Typography.Text>}
                <span>{s.isOnDuty ? <Tag color="green">{ts.onDuty}</Tag> : <Tag>{ts.offDuty}</Tag>}</span>
              </Flex>
            </Flex>
          </Card>
        ))}
      </div>
    </Flex>
  );
}
