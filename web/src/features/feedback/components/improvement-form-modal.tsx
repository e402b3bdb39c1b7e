import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { nowInShanghai, toIsoDate } from '../../../lib/time.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import { useStaff } from '../../staff/queries.ts';
import { useCreateImprovement } from '../queries.ts';

const SOURCES = ['complaint', 'feedback', 'unresolved', 'experience_officer', 'survey', 'evaluation', 'inspection', 'self_evaluation', 'third_party'];

type Values = { sourceType: string; target: string; measures: string; ownerId: string; dueOn: Dayjs; sourceNote?: string };

/** 登记改进: from a case (its kind gives the source), an experience officer's finding (which it closes), a survey's results (with a note naming it) or any other source. */
export function ImprovementFormModal({ caseId, findingId, sourceType, sourceNote, onClose }: { caseId?: string; findingId?: string; sourceType?: string; sourceNote?: string; onClose: () => void }) {
  const { me } = useAuth();
  const people = useStaff({ centerId: me.centerId ?? undefined });
  const create = useCreateImprovement();
  const submit = (v: Values) => create.mutateAsync({ sourceType: v.sourceType, caseId, findingId, target: v.target, measures: v.measures, ownerId: v.ownerId, dueOn: toIsoDate(v.dueOn), sourceNote: v.sourceNote || undefined });
  return (
    <FormModal<Values> title={tfb.improvements.add} onSubmit={submit} onClose={onClose} initialValues={{ sourceType: findingId ? 'experience_officer' : (sourceType ?? 'inspection'), sourceNote, dueOn: nowInShanghai().add(1, 'month') }}>
      <Form.Item name="sourceType" label={tfb.improvements.source} rules={[{ required: true }]}>
        <Select options={SOURCES.map((s) => ({ value: s, label: tfb.improvements.sources[s] }))} disabled={!!caseId || !!findingId || !!sourceNote} />
      </Form.Item>
      {sourceNote !== undefined && (
        <Form.Item name="sourceNote" label={tfb.improvements.sourceNote}>
          <Input maxLength={500} />
        </Form.Item>
      )}
      <Form.Item name="target" label={tfb.improvements.target} rules={[{ required: true, whitespace: true, message: tfb.improvements.target }]}>
        <Input maxLength={500} data-testid="improvement-target" />
      </Form.Item>
      <Form.Item name="measures" label={tfb.improvements.measures} rules={[{ required: true, whitespace: true, message: tfb.improvements.measures }]}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="improvement-measures" />
      </Form.Item>
      <Form.Item name="ownerId" label={tfb.improvements.owner} rules={[{ required: true, message: tfb.improvements.owner }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(people.data ?? []).filter((p) => p.isActive).map((p) => ({ value: p.id, label: `${p.displayName}（${p.username}）` }))}
          data-testid="improvement-owner"
        />
      </Form.Item>
      <Form.Item name="dueOn" label={tfb.improvements.dueOn} rules={[{ required: true, message: tfb.improvements.dueOn }]}>
        <DatePicker data-testid="improvement-due" />
      </Form.Item>
    </FormModal>
  );
}
