import { Alert, Button, Card, Col, Flex, Form, Input, Radio, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../../components/form-modal.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { optionsOf } from '../../../lib/options.ts';
import { formatDateTime, todayInShanghai } from '../../../lib/time.ts';
import { t } from '../../../locales/zh-CN.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import type { ViolationDto, ViolationFilter, ViolationLedger } from '../api.ts';
import { useHandleViolation, useViolationNotice, useViolations } from '../queries.ts';
import { defaultPeriod, PeriodPicker } from './period-picker.tsx';

const tv = tfb.violations;
type StaffRow = ViolationLedger['byStaff'][number];

/** 首问首办违规台账 (A.1.4, A.2.4): what the check flagged, counted per staff member; the manager records the handling. */
export function ViolationsPage() {
  const [filter, setFilter] = useState<ViolationFilter>(defaultPeriod(todayInShanghai()));
  const [handling, setHandling] = useState<ViolationDto | null>(null);
  const query = useViolations(filter);
  const notice = useViolationNotice(true);
  const handle = useHandleViolation();
  const change = (patch: Partial<ViolationFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const totals = query.data?.totals;

  return (
    <Flex vertical gap={16}>
      {(notice.data?.open ?? 0) > 0 && <Alert type="warning" showIcon title={tv.notice(notice.data!.open)} data-testid="violation-notice" />}
      <Card
        title={`${tv.title}（${query.data?.scope === 'department' ? tv.scopeDepartment : tv.scopeCenter}）`}
        extra={
          <Flex gap={8} wrap align="center">
            <PeriodPicker value={{ from: filter.from, to: filter.to }} onChange={(p) => change(p)} />
            <Select style={{ width: 160 }} value={filter.kind ?? ''} onChange={(v) => change({ kind: v || undefined })} options={[{ value: '', label: tv.allKinds }, ...optionsOf(tv.kinds)]} data-testid="violation-kind" />
            <Select style={{ width: 110 }} value={filter.state ?? ''} onChange={(v) => change({ state: v || undefined })} options={[{ value: '', label: tv.allStates }, ...optionsOf(tv.states)]} />
            <Select
              style={{ width: 140 }}
              value={filter.staffId ?? ''}
              onChange={(v) => change({ staffId: v || undefined })}
              options={[{ value: '', label: tv.allStaff }, ...(query.data?.byStaff ?? []).map((s) => ({ value: s.staffId, label: s.staffName }))]}
            />
          </Flex>
        }
      >
        <Typography.Paragraph type="secondary">{tv.intro}</Typography.Paragraph>
        {totals && (
          <Row gutter={16} style={{ marginBottom: 16 }} data-testid="violation-totals">
            <Col span={6}><Statistic title={tv.total} value={totals.total} /></Col>
            <Col span={6}><Statistic title={tv.open} value={totals.open} /></Col>
            <Col span={6}><Statistic title={tv.unanswered} value={totals.unanswered} /></Col>
            <Col span={6}><Statistic title={tv.notReceived} value={totals.notReceived} /></Col>
          </Row>
        )}
        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<ViolationDto>
            rowKey="id"
            size="middle"
            loading={query.isFetching}
            dataSource={query.data?.items}
            data-testid="violations"
            expandable={{
              rowExpandable: (v) => v.handledAt !== null,
              expandedRowRender: (v) => <Typography.Text>{tv.fields.note}：{v.handlingNote}（{v.handledByName} {v.handledAt ? formatDateTime(v.handledAt) : ''}）</Typography.Text>,
            }}
            columns={[
              { title: tv.fields.staff, render: (_, v) => `${v.staffName}${v.departmentName ? `（${v.departmentName}）` : ''}` },
              { title: tv.fields.kind, render: (_, v) => (<><Tag color={v.kind === 'unanswered' ? 'red' : 'volcano'}>{tv.kinds[v.kind]}</Tag><Tag>{v.clause}</Tag></>) },
              { title: tv.fields.subject, render: (_, v) => `${v.inquiry.subject}（${tfb.inquiries.modes[v.inquiry.mode]}）` },
              { title: tv.fields.askedAt, render: (_, v) => formatDateTime(v.inquiry.askedAt) },
              { title: tv.fields.dueOn, dataIndex: 'dueOn' },
              { title: tv.fields.manager, dataIndex: 'managerName' },
              {
                title: tv.fields.state,
                render: (_, v) =>
                  v.handling ? (
                    <Tag color="green">{tv.handlings[v.handling]}</Tag>
                  ) : v.canHandle ? (
                    <Button size="small" type="primary" onClick={() => setHandling(v)} data-testid="handle-violation">
                      {tv.handle}
                    </Button>
                  ) : (
                    <Tag color="orange">{tv.states.open}</Tag>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <Card title={tv.byStaff} size="small">
        <Table<StaffRow>
          rowKey="staffId"
          size="small"
          pagination={false}
          dataSource={query.data?.byStaff}
          data-testid="violations-by-staff"
          onRow={(s) => ({ onClick: () => change({ staffId: s.staffId }), style: { cursor: 'pointer' } })}
          columns={[
            { title: tv.fields.staff, dataIndex: 'staffName' },
            { title: tv.fields.department, dataIndex: 'departmentName' },
            { title: tv.total, dataIndex: 'total' },
            { title: tv.unanswered, dataIndex: 'unanswered' },
            { title: tv.notReceived, dataIndex: 'notReceived' },
            { title: tv.open, dataIndex: 'open' },
          ]}
        />
      </Card>
      {handling && (
        <FormModal<{ handling: string; note: string }>
          title={`${tv.handle}：${handling.staffName}`}
          onClose={() => setHandling(null)}
          onSubmit={(v) => handle.mutateAsync({ id: handling.id, version: handling.version, ...v })}
        >
          <Typography.Paragraph>
            {tv.kinds[handling.kind]}（{handling.clause}）：{handling.inquiry.subject}
          </Typography.Paragraph>
          <Form.Item name="handling" label={tv.fields.handling} rules={[{ required: true, message: t.common.required }]}>
            <Radio.Group options={optionsOf(tv.handlings)} data-testid="violation-handling" />
          </Form.Item>
          <Form.Item name="note" label={tv.fields.note} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="violation-note" />
          </Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}
