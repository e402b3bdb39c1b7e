import { Button, DatePicker, Flex, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../../../app/auth-context.tsx';
import { FormModal } from '../../../../components/form-modal.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { nowInShanghai, toIsoDate } from '../../../../lib/time.ts';
import { ttr } from '../../../../locales/training.zh-CN.ts';
import type { ConductDto, ConductInput, ConductSummary } from '../api.ts';
import { useConduct, useConductSummary, useRecordConduct } from '../queries.ts';
import { StaffSelect } from './staff-select.tsx';

type Tally = ConductSummary['staff'][number];
const tallyColumns = [
  { title: ttr.fields.records, dataIndex: 'records' },
  { title: ttr.aspects.appearance, dataIndex: 'appearance' },
  { title: ttr.aspects.language, dataIndex: 'language' },
  { title: ttr.aspects.discipline, dataIndex: 'discipline' },
  { title: ttr.fields.points, dataIndex: 'points' },
];

/** Conduct findings of a month and their summary per department and per staff member. */
export function ConductTab() {
  const { can } = useAuth();
  const [month, setMonth] = useState(nowInShanghai().format('YYYY-MM'));
  const [isAdding, setAdding] = useState(false);
  const summary = useConductSummary(month);
  const records = useConduct(month);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} aria-label={ttr.fields.month} data-testid="conduct-month" />
        {can('training.manage') && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="conduct-record">
            {ttr.conduct.record}
          </Button>
        )}
      </Flex>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {ttr.conduct.summaryTitle}
      </Typography.Title>
      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Flex gap={16} wrap>
          <Table<ConductSummary['departments'][number]>
            style={{ flex: 1, minWidth: 420 }}
            rowKey={(d) => d.departmentId ?? ''}
            size="small"
            pagination={false}
            title={() => ttr.conduct.byDepartment}
            dataSource={summary.data?.departments}
            data-testid="conduct-by-department"
            columns={[{ title: ttr.fields.department, render: (_, d) => d.departmentName ?? ttr.conduct.noDepartment }, { title: ttr.fields.staffCount, dataIndex: 'staffCount' }, ...tallyColumns]}
          />
          <Table<Tally>
            style={{ flex: 1, minWidth: 420 }}
            rowKey="staffId"
            size="small"
            pagination={false}
            title={() => ttr.conduct.byStaff}
            dataSource={summary.data?.staff}
            data-testid="conduct-by-staff"
            columns={[{ title: ttr.fields.staff, dataIndex: 'staffName' }, { title: ttr.fields.department, render: (_, s) => s.departmentName ?? ttr.conduct.noDepartment }, ...tallyColumns]}
          />
        </Flex>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {ttr.conduct.list}
      </Typography.Title>
      <Table<ConductDto>
        rowKey="id"
        size="middle"
        loading={records.isFetching}
        dataSource={records.data}
        data-testid="conduct-records"
        columns={[
          { title: ttr.fields.inspectedOn, dataIndex: 'inspectedOn' },
          { title: ttr.fields.staff, dataIndex: 'staffName' },
          { title: ttr.fields.department, render: (_, r) => r.departmentName ?? ttr.conduct.noDepartment },
          { title: ttr.fields.aspect, render: (_, r) => ttr.aspects[r.aspect] },
          { title: ttr.fields.finding, dataIndex: 'finding' },
          { title: ttr.fields.pointsDeducted, dataIndex: 'pointsDeducted' },
          { title: ttr.fields.inspector, dataIndex: 'inspectorName' },
        ]}
      />
      {isAdding && <ConductFormModal onClose={() => setAdding(false)} />}
    </Flex>
  );
}

type Values = Omit<ConductInput, 'inspectedOn'> & { inspectedOn: Dayjs };

function ConductFormModal({ onClose }: { onClose: () => void }) {
  const record = useRecordConduct();
  return (
    <FormModal<Values> title={ttr.conduct.record} initialValues={{ inspectedOn: dayjs(), pointsDeducted: 1 }} onSubmit={(v) => record.mutateAsync({ ...v, inspectedOn: toIsoDate(v.inspectedOn) })} onClose={onClose}>
      <Form.Item name="staffId" label={ttr.fields.staff} rules={[{ required: true, message: ttr.fields.staff }]}>
        <StaffSelect data-testid="conduct-staff" />
      </Form.Item>
      <Form.Item name="inspectedOn" label={ttr.fields.inspectedOn} rules={[{ required: true, message: ttr.fields.inspectedOn }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="aspect" label={ttr.fields.aspect} rules={[{ required: true, message: ttr.fields.aspect }]}>
        <Select options={Object.entries(ttr.aspects).map(([value, label]) => ({ value, label }))} data-testid="conduct-aspect" />
      </Form.Item>
      <Form.Item name="finding" label={ttr.fields.finding} rules={[{ required: true, whitespace: true, message: ttr.fields.finding }]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="conduct-finding" />
      </Form.Item>
      <Form.Item name="pointsDeducted" label={ttr.fields.pointsDeducted} rules={[{ required: true, message: ttr.fields.pointsDeducted }]}>
        <InputNumber min={0} max={100} precision={0} />
      </Form.Item>
    </FormModal>
  );
}
