import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { tag } from '../../../locales/agency.zh-CN.ts';
import { listPortalItems } from '../../catalog/api.ts';
import { useStaff } from '../../staff/queries.ts';
import { createProject } from '../api.ts';
import { useAgencyChange } from '../queries.ts';

type Values = { name: string; uscc: string; description?: string; itemCodes?: string[]; lead: string; members?: string[] };

/** 设立重点项目: the enterprise, the items it needs, the agent team (one lead). */
export function ProjectCreateModal({ onClose }: { onClose: () => void }) {
  const { me } = useAuth();
  const agents = useStaff({ centerId: me.centerId ?? undefined, role: 'agency_agent' }, !!me.centerId);
  const catalog = useQuery({ queryKey: ['portal', 'items', 'all'], queryFn: () => listPortalItems({}) });
  const create = useAgencyChange(createProject);
  const people = (agents.data ?? []).filter((s) => s.isActive).map((s) => ({ value: s.id, label: s.displayName }));
  const p = tag.projects;
  return (
    <FormModal<Values>
      title={p.create}
      onClose={onClose}
      onSubmit={(v) =>
        create.mutateAsync({
          name: v.name,
          uscc: v.uscc,
          description: v.description ?? '',
          itemCodes: v.itemCodes ?? [],
          team: [{ staffId: v.lead, isLead: true }, ...(v.members ?? []).filter((m) => m !== v.lead).map((staffId) => ({ staffId, isLead: false }))],
        })
      }
    >
      <Form.Item name="name" label={p.name} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="uscc" label={tag.form.uscc} rules={[{ required: true, len: 18, message: tag.form.uscc }]}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label={p.description}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="itemCodes" label={p.items}>
        <Select mode="multiple" showSearch optionFilterProp="label" options={catalog.data?.map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))} />
      </Form.Item>
      <Form.Item name="lead" label={p.lead} rules={[{ required: true }]}>
        <Select options={people} />
      </Form.Item>
      <Form.Item name="members" label={p.team}>
        <Select mode="multiple" options={people} />
      </Form.Item>
    </FormModal>
  );
}
