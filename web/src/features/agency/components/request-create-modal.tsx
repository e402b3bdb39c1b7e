import { Checkbox, Form, Input, Select } from 'antd';
import { useNavigate } from 'react-router';
import { FormModal } from '../../../components/form-modal.tsx';
import { tag } from '../../../locales/agency.zh-CN.ts';
import { createRequest } from '../api.ts';
import { useAgencyChange, useAgencyItems, useProjects } from '../queries.ts';

type Values = { channel: string; uscc: string; projectId?: string; itemId?: string; matter?: string; contactName: string; contactPhone: string; fromCurrentTicket?: boolean };

/** 登记代办申请: taken by phone, at the counter (the ticket in hand), or raised on a visit. */
export function RequestCreateModal({ onClose, initialValues = { channel: 'phone' } }: { onClose: () => void; initialValues?: Partial<Values> }) {
  const items = useAgencyItems();
  const projects = useProjects();
  const navigate = useNavigate();
  const create = useAgencyChange(createRequest);
  return (
    <FormModal<Values>
      title={tag.list.create}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={async (v) => {
        const created = await create.mutateAsync({ ...v, itemId: v.itemId ?? null, projectId: v.projectId ?? null, matter: v.matter ?? '', fromCurrentTicket: !!v.fromCurrentTicket });
        void navigate(`/agency/${created.id}`);
      }}
    >
      <Form.Item name="channel" label={tag.form.channel} rules={[{ required: true }]}>
        <Select options={['phone', 'counter', 'visit'].map((c) => ({ value: c, label: tag.channels[c] }))} data-testid="agency-channel" />
      </Form.Item>
      <Form.Item name="uscc" label={tag.form.uscc} rules={[{ required: true, len: 18, message: tag.form.uscc }]}>
        <Input data-testid="agency-uscc" />
      </Form.Item>
      <Form.Item name="projectId" label={tag.projects.project} extra={tag.form.projectHint}>
        <Select allowClear options={projects.data?.items.map((p) => ({ value: p.id, label: `${p.name}（${p.enterpriseName}）` }))} data-testid="agency-project-select" />
      </Form.Item>
      <Form.Item name="itemId" label={tag.form.item} extra={tag.form.itemHint}>
        <Select allowClear options={items.data?.items.filter((i) => i.isActive).map((i) => ({ value: i.itemId, label: i.name }))} data-testid="agency-item" />
      </Form.Item>
      <Form.Item name="matter" label={tag.form.matter}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="contactName" label={tag.form.contactName} rules={[{ required: true }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="contactPhone" label={tag.form.contactPhone} rules={[{ required: true }]}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="fromCurrentTicket" valuePropName="checked">
        <Checkbox>{tag.form.fromCurrentTicket}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
