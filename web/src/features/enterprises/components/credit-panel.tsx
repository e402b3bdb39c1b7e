import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Input, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { CreditDecision, CreditKind, CreditRecordDto, CreditStatusDto } from '@server/modules/enterprises/contract.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { optionsOf } from '../../../lib/options.ts';
import { toIsoDate } from '../../../lib/time.ts';
import { te } from '../../../locales/enterprises.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useAddCreditRecord, useRepairCreditRecord } from '../queries.ts';

function Decision({ label, decision }: { label: string; decision: CreditDecision | { allowed: boolean; reason?: string } }) {
  return (
    <Alert
      type={decision.allowed ? 'success' : 'error'}
      showIcon
      title={`${label}：${decision.allowed ? te.credit.allowed : te.credit.barred}`}
      description={decision.allowed ? undefined : decision.reason}
    />
  );
}

/** Credit records and what they bar now (A.4.3 commitment, A.9.3 deferred materials); credit managers record and repair. */
export function CreditPanel({ enterpriseId, credit, canManage }: { enterpriseId?: string; credit: CreditStatusDto; canManage: boolean }) {
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'repair'; record: CreditRecordDto } | null>(null);
  return (
    <Flex vertical gap="middle">
      <Flex gap="middle" wrap>
        <div style={{ flex: 1, minWidth: 280 }}>
          <Decision label={te.credit.commitment} decision={credit.commitment} />
        </div>
        <div style={{ flex: 1, minWidth: 280 }}>
          <Decision label={te.credit.deferred} decision={credit.deferredMaterials} />
        </div>
      </Flex>
      {canManage && enterpriseId && (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
            {te.credit.add}
          </Button>
        </div>
      )}
      <Table<CreditRecordDto>
        rowKey="id"
        size="small"
        dataSource={credit.records}
        pagination={false}
        locale={{ emptyText: te.credit.none }}
        columns={[
          { title: te.credit.kind, dataIndex: 'kind', render: (k: CreditKind) => <Tag color="red">{te.creditKinds[k]}</Tag> },
          { title: te.credit.source, dataIndex: 'source' },
          { title: te.credit.sourceReference, dataIndex: 'sourceReference' },
          { title: te.credit.description, dataIndex: 'description' },
          { title: te.credit.recordedOn, dataIndex: 'recordedOn' },
          {
            title: t.common.status,
            key: 'status',
            render: (_, r) => (r.isRepaired ? <Tag color="green">{`${te.credit.repaired} ${r.repairedOn}`}</Tag> : <Tag color="orange">{te.credit.unrepaired}</Tag>),
          },
          ...(canManage
            ? [
                {
                  title: t.common.actions,
                  key: 'actions',
                  render: (_: unknown, r: CreditRecordDto) =>
                    r.isRepaired ? null : (
                      <Button type="link" size="small" onClick={() => setDialog({ kind: 'repair', record: r })}>
                        {te.credit.repair}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {dialog?.kind === 'add' && enterpriseId && <AddCreditModal enterpriseId={enterpriseId} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'repair' && <RepairModal record={dialog.record} onClose={() => setDialog(null)} />}
    </Flex>
  );
}

type AddValues = { kind: CreditKind; source: string; sourceReference: string; description: string; recordedOn: dayjs.Dayjs };

function AddCreditModal({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const add = useAddCreditRecord(enterpriseId);
  return (
    <FormModal<AddValues>
      title={te.credit.add}
      initialValues={{ recordedOn: dayjs(), sourceReference: '', description: '' }}
      onSubmit={({ recordedOn, ...v }) => add.mutateAsync({ ...v, recordedOn: toIsoDate(recordedOn) })}
      onClose={onClose}
    >
      <Form.Item name="kind" label={te.credit.kind} rules={[{ required: true, message: t.common.required }]}>
        <Select options={optionsOf(te.creditKinds)} />
      </Form.Item>
      <Form.Item name="source" label={te.credit.source} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="sourceReference" label={te.credit.sourceReference}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label={te.credit.description}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
      <Form.Item name="recordedOn" label={te.credit.recordedOn} rules={[{ required: true, message: t.common.required }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs())} />
      </Form.Item>
    </FormModal>
  );
}

function RepairModal({ record, onClose }: { record: CreditRecordDto; onClose: () => void }) {
  const repair = useRepairCreditRecord();
  return (
    <FormModal<{ repairedOn: dayjs.Dayjs; note: string }>
      title={te.credit.repair}
      initialValues={{ repairedOn: dayjs() }}
      onSubmit={({ repairedOn, note }) => repair.mutateAsync({ id: record.id, version: record.version, repairedOn: toIsoDate(repairedOn), note })}
      onClose={onClose}
    >
      <Form.Item name="repairedOn" label={te.credit.repairedOn} rules={[{ required: true, message: t.common.required }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs()) || d.isBefore(dayjs(record.recordedOn))} />
      </Form.Item>
      <Form.Item name="note" label={te.credit.repairNote} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
