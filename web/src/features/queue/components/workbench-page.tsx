import { Alert, App, Button, Card, Empty, Flex, Select, Space, Spin, Tag, Typography, Upload } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error.tsx';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { useEvaluatorLink, useMyCounters } from '../queries.ts';
import { uploadStaffPhoto } from '../api.ts';
import { useShowError } from '../../../components/use-show-error.ts';
import { WorkbenchPanel } from './workbench-panel.tsx';
import { AgencyCounterCard } from '../../agency/components/agency-counter-card.tsx';

const STORAGE = 'banshi.workbench.counter';

/** The clerk's workbench (叫号): pick the counter, then open it and call. */
export function WorkbenchPage() {
  const { me, can } = useAuth();
  const counters = useMyCounters();
  // what the clerk picks on this page; before that, the counter where the clerk's session is open
  const [picked, setPicked] = useState<string | null>(null);
  const { message } = App.useApp();
  const showError = useShowError();

  if (counters.isPending) return <Spin />;
  if (counters.isError) return <QueryError error={counters.error} onRetry={() => void counters.refetch()} />;
  const list = counters.data;
  if (list.length === 0) return <Empty description={tq.workbench.noCounters} />;
  const mine = list.find((c) => c.session?.isMine);
  const stored = window.localStorage.getItem(STORAGE);
  const counterId = [picked, mine?.id, stored].find((id) => list.some((c) => c.id === id)) ?? list[0]!.id;
  const counter = list.find((c) => c.id === counterId)!;

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space>
            <Typography.Text strong>{tq.workbench.counter}</Typography.Text>
            <Select
              data-testid="workbench-counter"
              style={{ minWidth: 340 }}
              showSearch
              placeholder={tq.workbench.counterSearch}
              filterOption={(input, option) => (option?.search ?? '').toLowerCase().includes(input.trim().toLowerCase())}
              value={counterId}
              onChange={(id) => {
                window.localStorage.setItem(STORAGE, id);
                setPicked(id);
              }}
              options={list.map((c) => ({
                value: c.id,
                search: `${tq.common.counterLabel(c.number)} ${c.number} ${c.name} ${c.zoneName}`,
                label: (
                  <Space>
                    <span>
                      {tq.common.counterLabel(c.number)} {c.name}
                      {c.isHome ? tq.workbench.home : ''}
                    </span>
                    {c.session && !c.session.isMine && <Tag>{tq.workbench.occupied(c.session.staffName)}</Tag>}
                  </Space>
                ),
              }))}
            />
          </Space>
          <Space>
            <Typography.Text type="secondary">{tq.workbench.links}</Typography.Text>
            {me.centerId && (
              <Link to={`/display/${me.centerId}/${counter.zoneId}`} target="_blank" data-testid="link-display">
                {tq.workbench.displayLink}
              </Link>
            )}
            <EvaluatorLink counterId={counter.id} />
            <Upload
              accept="image/jpeg,image/png,image/webp"
              showUploadList={false}
              customRequest={({ file }) =>
                void uploadStaffPhoto(me.id, file as File).then(() => message.success(tq.workbench.photoSaved), showError)
              }
            >
              <Button size="small" icon={<CameraOutlined />}>
                {tq.workbench.photo}
              </Button>
            </Upload>
          </Space>
        </Flex>
      </Card>
      {counter.queueIds.length === 0 && <Alert type="info" showIcon title={tq.workbench.noQueues(counter.number)} />}
      <WorkbenchPanel key={counterId} counterId={counterId} />
      {counter.purpose === 'agency' && can('agency.handle') && <AgencyCounterCard />}
    </Flex>
  );
}

/** The evaluator of the counter, opened bound (a demo evaluator's link carries its key; any other asks for it). */
function EvaluatorLink({ counterId }: { counterId: string }) {
  const link = useEvaluatorLink(counterId);
  if (!link.data) return null;
  return (
    <Link to={link.data.path} target="_blank" data-testid="link-evaluator">
      {tq.workbench.evaluatorLink}
    </Link>
  );
}
