import { Button, DatePicker, Flex, Form, Input, Popconfirm, Radio, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { optionsOf } from '../../../lib/options.ts';
import { nowInShanghai, toIsoDate } from '../../../lib/time.ts';
import { t } from '../../../locales/zh-CN.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import type { ExperienceTaskDto } from '../api.ts';
import { useCancelTask, useExperienceOptions, useExperienceTasks, useScheduleTask } from '../queries.ts';
import { FindingStateTag } from './experience-findings.tsx';
import { ReportModal } from './experience-report-modal.tsx';

const te = tfb.experience;
const STATE_COLORS: Record<string, string> = { scheduled: 'blue', reported: 'green', cancelled: 'default' };
type ScheduleValues = { officerId: string; itemId: string; channel: ExperienceTaskDto['channel']; scheduledOn: Dayjs; brief?: string };

/** The tasks: scheduled, reported (with the report and its findings), cancelled. */
export function ExperienceTasks() {
  const [state, setState] = useState('');
  const query = useExperienceTasks({ state: state || undefined });
  const options = useExperienceOptions();
  const schedule = useScheduleTask();
  const cancel = useCancelTask();
  const showError = useShowError();
  const [isScheduling, setScheduling] = useState(false);
  const [reporting, setReporting] = useState<ExperienceTaskDto | null>(null);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" gap={8}>
        <Segmented value={state} onChange={(v) => setState(String(v))} options={[{ value: '', label: te.allStates }, ...optionsOf(te.taskStates)]} />
        <Button type="primary" onClick={() => setScheduling(true)} data-testid="schedule-task">
          {te.schedule}
        </Button>
      </Flex>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ExperienceTaskDto>
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          dataSource={query.data}
          data-testid="experience-tasks"
          expandable={{
            rowExpandable: (x) => x.report !== null || x.brief !== '',
            expandedRowRender: (x) => (
              <Flex vertical gap={4}>
                {x.brief && <Typography.Text type="secondary">{te.fields.brief}：{x.brief}</Typography.Text>}
                {x.report && (
                  <>
                    <Typography.Text>
                      {te.fields.report}（{x.report.experiencedOn}，{x.report.satisfaction ? tfb.satisfactions[x.report.satisfaction] : '—'}，{te.fields.enteredBy} {x.report.enteredByName}）：{x.report.summary}
                    </Typography.Text>
                    {x.findings.length === 0 && <Typography.Text type="secondary">{te.noFindings}</Typography.Text>}
                    {x.findings.map((f) => (
                      <Typography.Text key={f.id}>
                        {f.ordinal}. [{te.categories[f.category]}] {f.description} <FindingStateTag finding={f} />
                      </Typography.Text>
                    ))}
                  </>
                )}
              </Flex>
            ),
          }}
          columns={[
            { title: te.fields.scheduledOn, dataIndex: 'scheduledOn' },
            { title: te.fields.officer, render: (_, x) => `${x.officerName}（${x.officerOrganisation}）` },
            { title: te.fields.item, render: (_, x) => `${x.itemName}${x.departmentName ? ` · ${x.departmentName}` : ''}` },
            { title: te.fields.channel, dataIndex: 'channel', render: (c: ExperienceTaskDto['channel']) => te.channels[c] },
            {
              title: te.fields.state,
              render: (_, x) => (
                <>
                  <Tag color={STATE_COLORS[x.state]} data-testid="task-state">{te.taskStates[x.state]}</Tag>
                  {x.isOverdue && <Tag color="red">{te.overdue}</Tag>}
                  {x.findings.length > 0 && <Tag>{`${te.fields.findings} ${x.findings.length}`}</Tag>}
                </>
              ),
            },
            {
              title: t.common.actions,
              render: (_, x) =>
                x.state === 'scheduled' && (
                  <Flex gap={4}>
                    <Button size="small" type="primary" onClick={() => setReporting(x)} data-testid="report-task">
                      {te.report}
                    </Button>
                    <Popconfirm title={te.cancelConfirm} onConfirm={() => cancel.mutateAsync({ id: x.id, version: x.version }).catch(showError)}>
                      <Button size="small">{te.cancel}</Button>
                    </Popconfirm>
                  </Flex>
                ),
            },
          ]}
        />
      )}
      {isScheduling && (
        <FormModal<ScheduleValues>
          title={te.schedule}
          onClose={() => setScheduling(false)}
          initialValues={{ channel: 'counter', scheduledOn: nowInShanghai().add(7, 'day') }}
          onSubmit={(v) => schedule.mutateAsync({ officerId: v.officerId, itemId: v.itemId, channel: v.channel, scheduledOn: toIsoDate(v.scheduledOn), brief: v.brief?.trim() ?? '' })}
        >
          <Form.Item name="officerId" label={te.fields.officer} rules={[{ required: true, message: t.common.required }]}>
            <Select options={(options.data?.officers ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.organisation}）` }))} data-testid="task-officer" />
          </Form.Item>
          <Form.Item name="itemId" label={te.fields.item} rules={[{ required: true, message: t.common.required }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(options.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.code}）` }))} data-testid="task-item" />
          </Form.Item>
          <Form.Item name="channel" label={te.fields.channel}>
            <Radio.Group options={optionsOf(te.channels)} />
          </Form.Item>
          <Form.Item name="scheduledOn" label={te.fields.scheduledOn} rules={[{ required: true, message: t.common.required }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="brief" label={te.fields.brief}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
      {reporting && <ReportModal task={reporting} onClose={() => setReporting(null)} />}
    </Flex>
  );
}
