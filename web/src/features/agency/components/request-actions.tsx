import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { nowInShanghai, toIsoDate } from '../../../lib/time.ts';
import { tag } from '../../../locales/agency.zh-CN.ts';
import { useDepartments } from '../../staff/queries.ts';
import { act, type RequestDetail } from '../api.ts';
import { useAgencyChange } from '../queries.ts';
import { FileApplicationModal } from './file-application-modal.tsx';

/** The actions the workflow offers on the request now, each with its form; the server decides what is allowed. */
type BarAction = keyof typeof tag.actions;
const BAR: BarAction[] = ['accept', 'sign', 'receive_material', 'activity', 'file_application', 'finish', 'follow_up', 'decline', 'withdraw'];

export function RequestActions({ request }: { request: RequestDetail }) {
  const [open, setOpen] = useState<BarAction | null>(null);
  const change = useAgencyChange((x: { path: string; body: object }) => act(request.id, x.path, x.body));
  const run = (path: string, body: object) => change.mutateAsync({ path, body: { version: request.version, ...body } });
  const shown = BAR.filter((a) => (request.actions as string[]).includes(a));
  const close = () => setOpen(null);
  return (
    <>
      <Space wrap>
        {shown.map((a) => (
          <Button key={a} type={a === 'decline' || a === 'withdraw' ? 'default' : 'primary'} danger={a === 'decline'} onClick={() => (a === 'accept' ? void run('accept', {}) : setOpen(a))} loading={a === 'accept' && change.isPending} data-testid={`agency-action-${a}`}>
            {tag.actions[a]}
          </Button>
        ))}
      </Space>
      {open === 'sign' && <SignModal run={run} onClose={close} requestedOn={request.requestedOn} />}
      {open === 'receive_material' && (
        <FormModal<{ name: string; copies: number; isOriginal?: boolean }> title={tag.actions.receive_material} initialValues={{ copies: 1 }} onClose={close} onSubmit={(v) => run('materials', { ...v, isOriginal: !!v.isOriginal })}>
          <Form.Item name="name" label={tag.materialForm.name} rules={[{ required: true }]}>
            <Input maxLength={200} data-testid="agency-material-name" />
          </Form.Item>
          <Form.Item name="copies" label={tag.materialForm.copies} rules={[{ required: true }]}>
            <InputNumber min={1} max={99} />
          </Form.Item>
          <Form.Item name="isOriginal" valuePropName="checked">
            <Checkbox>{tag.materialForm.isOriginal}</Checkbox>
          </Form.Item>
        </FormModal>
      )}
      {open === 'activity' && <ActivityModal run={run} onClose={close} />}
      {open === 'file_application' && <FileApplicationModal request={request} run={(body) => run('applications', body)} onClose={close} />}
      {open === 'finish' && (
        <FormModal<{ result: string }> title={tag.actions.finish} onClose={close} onSubmit={(v) => run('finish', v)}>
          <Form.Item name="result" label={tag.finishForm.result} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="agency-result" />
          </Form.Item>
        </FormModal>
      )}
      {open === 'follow_up' && (
        <FormModal<{ note: string; satisfaction: number }> title={tag.actions.follow_up} initialValues={{ satisfaction: 5 }} onClose={close} onSubmit={(v) => run('follow-up', v)}>
          <Form.Item name="note" label={tag.followForm.note} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="agency-follow-note" />
          </Form.Item>
          <Form.Item name="satisfaction" label={tag.followForm.satisfaction} rules={[{ required: true }]}>
            <Radio.Group options={[5, 4, 3, 2, 1].map((n) => ({ value: n, label: String(n) }))} data-testid="agency-satisfaction" />
          </Form.Item>
        </FormModal>
      )}
      {(open === 'decline' || open === 'withdraw') && (
        <FormModal<{ reason: string }> title={tag.actions[open]} onClose={close} onSubmit={(v) => run(open, v)}>
          <Form.Item name="reason" label={tag.reasonForm.reason} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

type Run = (path: string, body: object) => Promise<unknown>;

function SignModal({ run, onClose, requestedOn }: { run: Run; onClose: () => void; requestedOn: string }) {
  type V = { scope: string; signerName: string; signerIdNumber: string; signedOn: Dayjs; isSigned?: boolean };
  const f = tag.agreementForm;
  return (
    <FormModal<V>
      title={tag.actions.sign}
      initialValues={{ signedOn: nowInShanghai() }}
      onClose={onClose}
      onSubmit={(v) =>
        run('agreement', {
          scope: v.scope,
          // an agreement the enterprise has not signed goes to the server as such, which refuses it
          authorisation: v.isSigned ? { signerName: v.signerName, signerIdNumber: v.signerIdNumber, signedOn: toIsoDate(v.signedOn), isSigned: true } : null,
        })
      }
    >
      <Form.Item name="scope" label={f.scope} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="agency-scope" />
      </Form.Item>
      <Form.Item name="signerName" label={f.signerName} rules={[{ required: true }]}>
        <Input maxLength={50} data-testid="agency-signer" />
      </Form.Item>
      <Form.Item name="signerIdNumber" label={f.signerIdNumber} rules={[{ required: true }]}>
        <Input maxLength={18} data-testid="agency-signer-id" />
      </Form.Item>
      <Form.Item name="signedOn" label={f.signedOn} rules={[{ required: true }]}>
        <DatePicker disabledDate={(d) => toIsoDate(d) < requestedOn || d.isAfter(nowInShanghai(), 'day')} />
      </Form.Item>
      <Form.Item name="isSigned" valuePropName="checked">
        <Checkbox data-testid="agency-signed">{f.isSigned}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

function ActivityModal({ run, onClose }: { run: Run; onClose: () => void }) {
  const { me } = useAuth();
  const departments = useDepartments(me.centerId);
  type V = { kind: string; note: string; departmentId?: string };
  return (
    <FormModal<V> title={tag.actions.activity} initialValues={{ kind: 'visit' }} onClose={onClose} onSubmit={(v) => run('activities', v)}>
      <Form.Item name="kind" label={tag.activityForm.kind} rules={[{ required: true }]}>
        <Select options={Object.entries(tag.activities).map(([value, label]) => ({ value, label }))} data-testid="agency-activity-kind" />
      </Form.Item>
      <Form.Item name="departmentId" label={tag.activityForm.department}>
        <Select allowClear options={departments.data?.filter((d) => d.isActive).map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
      <Form.Item name="note" label={tag.activityForm.note} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="agency-activity-note" />
      </Form.Item>
    </FormModal>
  );
}
