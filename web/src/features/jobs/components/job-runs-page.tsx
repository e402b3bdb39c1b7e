import { Button, Card, Popconfirm, Select, Space, Table, Tag, Typography, App } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../components/use-show-error.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { formatDateTime } from '../../../lib/time.ts';
import { optionsOf } from '../../../lib/options.ts';
import { tj } from '../../../locales/jobs.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import type { JobRun, JobSummary, RunFilter } from '../api.ts';
import { useJobRuns, useJobs, useRunJobNow } from '../queries.ts';

const PAGE_SIZE = 20;
const STATUS_COLORS: Record<JobRun['status'], string> = {
  running: 'processing',
  succeeded: 'success',
  partial: 'warning',
  failed: 'error',
  abandoned: 'default',
};

const jobLabel = (name: string) => tj.names[name] ?? name;

function JobName({ name }: { name: string }) {
  return (
    <Space orientation="vertical" size={0}>
      {jobLabel(name)}
      {tj.names[name] && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{name}</Typography.Text>}
    </Space>
  );
}

function StatusTag({ run }: { run: JobRun }) {
  return <Tag color={STATUS_COLORS[run.status]}>{tj.statuses[run.status]}</Tag>;
}

/** 任务运行记录: the scheduled jobs, their next and last runs, and every run with its items and errors. */
export function JobRunsPage() {
  const { message } = App.useApp();
  const jobs = useJobs();
  const runNow = useRunJobNow();
  const [filter, setFilter] = useState<RunFilter>({ page: 1, pageSize: PAGE_SIZE });
  const runs = useJobRuns(filter);

  const run = async (job: JobSummary) => {
    try {
      await runNow.mutateAsync(job.name);
      message.success(tj.runRequested);
    } catch (error) {
      message.error(describeError(error));
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={tj.jobsTitle}
        extra={
          <Button onClick={() => void Promise.all([jobs.refetch(), runs.refetch()])} data-testid="jobs-refresh">
            {tj.refresh}
          </Button>
        }
      >
        {jobs.isError ? (
          <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : (
          <Table<JobSummary>
            rowKey="name"
            size="small"
            loading={jobs.isPending}
            dataSource={jobs.data?.items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: tj.fields.job, dataIndex: 'name', render: (name: string) => <JobName name={name} /> },
              { title: tj.fields.schedule, dataIndex: 'schedule', render: (s: string) => <Typography.Text code>{s}</Typography.Text> },
              {
                title: tj.fields.nextRunAt,
                key: 'next',
                render: (_, j) => (
                  <Space orientation="vertical" size={0}>
                    {formatDateTime(j.nextRunAt)}
                    {j.running && <Tag color="processing">{tj.running}</Tag>}
                    {j.requestedAt && <Typography.Text type="secondary">{tj.requested}</Typography.Text>}
                  </Space>
                ),
              },
              {
                title: tj.fields.lastRun,
                key: 'last',
                render: (_, j) =>
                  j.lastRun ? (
                    <Space size={4}>
                      <StatusTag run={j.lastRun} />
                      {formatDateTime(j.lastRun.startedAt)}
                      <Typography.Text type="secondary">{tj.items(j.lastRun.itemsDone, j.lastRun.itemsFailed)}</Typography.Text>
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">{tj.never}</Typography.Text>
                  ),
              },
              {
                title: t.common.actions,
                key: 'actions',
                render: (_, j) => (
                  <Popconfirm title={tj.runNowConfirm} onConfirm={() => run(j)}>
                    <Button size="small" disabled={j.requestedAt !== null} data-testid={`run-${j.name}`}>
                      {tj.runNow}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card title={tj.runsTitle}>
        <Space style={{ marginBottom: 16 }} wrap>
          <Select
            allowClear
            placeholder={tj.fields.job}
            value={filter.job}
            onChange={(job?: string) => setFilter({ ...filter, job, page: 1 })}
            options={(jobs.data?.items ?? []).map((j) => ({ value: j.name, label: jobLabel(j.name) }))}
            style={{ width: 280 }}
            data-testid="runs-job"
          />
          <Select
            allowClear
            placeholder={tj.fields.status}
            value={filter.status}
            onChange={(status?: JobRun['status']) => setFilter({ ...filter, status, page: 1 })}
            options={optionsOf(tj.statuses)}
            style={{ width: 140 }}
            data-testid="runs-status"
          />
        </Space>
        {runs.isError ? (
          <QueryError error={runs.error} onRetry={() => void runs.refetch()} />
        ) : (
          <Table<JobRun>
            rowKey="id"
            size="small"
            loading={runs.isFetching}
            dataSource={runs.data?.items}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: runs.data?.total ?? 0,
              showTotal: t.common.total,
              showSizeChanger: true,
              onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
            }}
            expandable={{
              rowExpandable: (r) => r.error !== null || r.failures.length > 0,
              expandedRowRender: (r) => (
                <Space orientation="vertical">
                  {r.error && <Typography.Text type="danger">{r.error}</Typography.Text>}
                  {r.failures.length > 0 && (
                    <>
                      <Typography.Text strong>{tj.failuresTitle}</Typography.Text>
                      {r.failures.map((f, i) => (
                        <Typography.Text key={i}>
                          <Typography.Text code>{f.item}</Typography.Text> {f.message}
                        </Typography.Text>
                      ))}
                    </>
                  )}
                </Space>
              ),
            }}
            columns={[
              { title: tj.fields.job, dataIndex: 'jobName', render: (name: string) => <JobName name={name} /> },
              { title: tj.fields.trigger, dataIndex: 'trigger', render: (trigger: string) => tj.triggers[trigger] ?? trigger },
              { title: tj.fields.startedAt, dataIndex: 'startedAt', render: formatDateTime },
              {
                title: tj.fields.duration,
                key: 'duration',
                render: (_, r) => (r.finishedAt ? tj.seconds((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000) : ''),
              },
              { title: tj.fields.status, key: 'status', render: (_, r) => <StatusTag run={r} /> },
              { title: tj.fields.items, key: 'items', render: (_, r) => tj.items(r.itemsDone, r.itemsFailed) },
              {
                title: tj.fields.error,
                dataIndex: 'error',
                render: (error: string | null) => error && <Typography.Text type="danger" ellipsis style={{ maxWidth: 240 }}>{error}</Typography.Text>,
              },
              { title: tj.fields.owner, dataIndex: 'owner', render: (o: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{o}</Typography.Text> },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
