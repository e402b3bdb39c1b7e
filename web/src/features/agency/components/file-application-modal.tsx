import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import type { NoticeQuestion } from '@server/modules/catalog/portal/contract.ts';
import { useShowError } from '../../../components/use-show-error.ts';
import { tag } from '../../../locales/agency.zh-CN.ts';
import { getItemNotice, listPortalItems } from '../../catalog/api.ts';
import type { RequestDetail } from '../api.ts';
import { useAgencyItems } from '../queries.ts';

/**
 * 代企业申报: the agent files the application for the request's enterprise through the applications
 * module's intake; the item's situation questions decide its checklist, as at the counter.
 */
export function FileApplicationModal({ request, run, onClose }: { request: RequestDetail; run: (body: object) => Promise<unknown>; onClose: () => void }) {
  const list = useAgencyItems();
  const items = useQuery({ queryKey: ['portal', 'items', 'all'], queryFn: () => listPortalItems({}) });
  const initial = list.data?.items.find((i) => i.itemId === request.itemId)?.code;
  const [code, setCode] = useState<string | undefined>(undefined);
  const chosen = code ?? initial;
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [phone, setPhone] = useState('');
  const [isChecked, setChecked] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const showError = useShowError();
  const answerString = Object.entries(answers).map(([q, o]) => `${q}:${o}`).join(',');
  const notice = useQuery({
    queryKey: ['portal', 'notice', 'item', chosen, answerString],
    queryFn: async (): Promise<{ questions: NoticeQuestion[] }> => getItemNotice(chosen!, answerString),
    enabled: !!chosen,
  });
  const unanswered = (notice.data?.questions ?? []).filter((q) => !answers[q.key]);
  const submit = async () => {
    setChecked(true);
    if (!chosen || unanswered.length > 0) return;
    setSaving(true);
    try {
      await run({ intake: { source: { kind: 'item', code: chosen }, answers, contactPhone: phone.trim() || null, channel: 'counter' } });
      onClose();
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={tag.actions.file_application} onCancel={onClose} onOk={() => void submit()} confirmLoading={isSaving} okButtonProps={{ id: 'agency-file-submit' }} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label={tag.fileForm.item} required>
          <Select
            showSearch
            optionFilterProp="label"
            value={chosen}
            onChange={(v: string) => {
              setCode(v);
              setAnswers({});
            }}
            options={items.data?.map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))}
            data-testid="agency-file-item"
          />
        </Form.Item>
        {isChecked && unanswered.length > 0 && <Alert type="error" showIcon title={tag.fileForm.answerAll} style={{ marginBottom: 12 }} />}
        {notice.data?.questions.map((q) => (
          <Form.Item key={q.key} label={q.text} required>
            <Radio.Group value={answers[q.key]} onChange={(e) => setAnswers((a) => ({ ...a, [q.key]: e.target.value as string }))} options={q.options.map((o) => ({ value: o.key, label: o.label }))} data-testid={`agency-question-${q.key}`} />
          </Form.Item>
        ))}
        <Form.Item label={tag.fileForm.contactPhone}>
          <Input value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={20} data-testid="agency-file-phone" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
