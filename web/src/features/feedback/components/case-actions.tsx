import { App, Button, DatePicker, Flex, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { nowInShanghai, toIsoDate } from '../../../lib/time.ts';
import { tfb } from '../../../locales/feedback.zh-CN.ts';
import { useStaff } from '../../staff/queries.ts';
import type { CaseDetail } from '../api.ts';
import { useCaseAction, useFeedbackOptions, useIsDesk } from '../queries.ts';

type Dialog = 'assign' | 'reply' | 'rating' | 'close' | 'referral' | 'tasks' | null;

/** The buttons of the actions the workflow opens in this state, each with its form. */
export function CaseActions({ c }: { c: CaseDetail }) {
  const { can } = useAuth();
  const [dialog, setDialog] = useState<Dialog>(null);
  const action = useCaseAction(c.id);
  const desk = useIsDesk(can('feedback.unresolved'));
  const { modal } = App.useApp();
  const showError = useShowError();
  const run = (path: string, body: object) => action.mutateAsync({ path, body: { version: c.version, ...body } });
  const close = () => setDialog(null);

  const buttons: { key: keyof typeof tfb.buttons; show: boolean; onClick: () => void }[] = [
    { key: 'assign', show: c.actions.includes('assign') && can('feedback.handle_all'), onClick: () => setDialog('assign') },
    { key: 'tasks', show: c.kind === 'unresolved' && c.actions.includes('add_task') && (can('feedback.handle_all') || desk.data?.isDesk === true), onClick: () => setDialog('tasks') },
    { key: 'reply', show: c.actions.includes('reply'), onClick: () => setDialog('reply') },
    { key: 'rating', show: c.actions.includes('rate'), onClick: () => setDialog('rating') },
    { key: 'close', show: c.actions.includes('close'), onClick: () => setDialog('close') },
    { key: 'referral', show: (c.kind === 'complaint' || c.kind === 'report') && !c.referral && c.actions.includes('refer') && can('feedback.complaint'), onClick: () => setDialog('referral') },
    {
      key: 'archive',
      show: c.actions.includes('archive') && (can('feedback.handle_all') || can('feedback.complaint')),
      onClick: () => modal.confirm({ title: tfb.forms.archiveConfirm, onOk: () => run('archive', {}).catch(showError) }),
    },
  ];
  return (
    <>
      <Flex gap={8} wrap>
        {buttons
          .filter((b) => b.show)
          .map((b) => (
            <Button key={b.key} type={b.key === 'reply' ? 'primary' : 'default'} onClick={b.onClick} data-testid={`action-${b.key}`}>
              {tfb.buttons[b.key]}
            </Button>
          ))}
      </Flex>
      {dialog === 'assign' && <AssignModal onClose={close} onSubmit={(v) => run('assign', v)} />}
      {dialog === 'reply' && (
        <FormModal<{ reply: string; outcome?: string }> title={tfb.buttons.reply} onClose={close} onSubmit={(v) => run('reply', v)}>
          {c.kind === 'unresolved' && (
            <Form.Item name="outcome" label={tfb.forms.outcome} rules={[{ required: true, message: tfb.forms.outcome }]}>
              <Radio.Group options={['solved', 'explained'].map((o) => ({ value: o, label: tfb.outcomes[o] }))} data-testid="reply-outcome" />
            </Form.Item>
          )}
          <Form.Item name="reply" label={tfb.forms.reply} rules={[{ required: true, whitespace: true, message: tfb.forms.reply }]}>
            <Input.TextArea rows={5} maxLength={4000} data-testid="reply-text" />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'rating' && (
        <FormModal<{ satisfaction: string }> title={tfb.buttons.rating} onClose={close} onSubmit={(v) => run('rating', v)}>
          <Form.Item name="satisfaction" label={tfb.fields.satisfaction} rules={[{ required: true, message: tfb.fields.satisfaction }]}>
            <Radio.Group options={['satisfied', 'basically', 'dissatisfied'].map((s) => ({ value: s, label: tfb.satisfactions[s] }))} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'close' && (
        <FormModal<{ note?: string }> title={tfb.buttons.close} onClose={close} onSubmit={(v) => run('close', { note: v.note || undefined })}>
          <Form.Item name="note" label={tfb.forms.closeNote}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="close-note" />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'referral' && (
        <FormModal<{ referralBody: string; referralNumber: string }> title={tfb.buttons.referral} onClose={close} onSubmit={(v) => run('referral', v)}>
          <Form.Item name="referralBody" label={tfb.forms.referralBody} rules={[{ required: true, whitespace: true, message: tfb.forms.referralBody }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="referralNumber" label={tfb.forms.referralNumber} rules={[{ required: true, whitespace: true, message: tfb.forms.referralNumber }]}>
            <Input maxLength={100} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'tasks' && <TasksModal onClose={close} onSubmit={(v) => run('tasks', v)} />}
    </>
  );
}

function AssignModal({ onClose, onSubmit }: { onClose: () => void; onSubmit: (v: { handlerId: string }) => Promise<unknown> }) {
  const { me } = useAuth();
  const people = useStaff({ centerId: me.centerId ?? undefined });
  return (
    <FormModal<{ handlerId: string }> title={tfb.buttons.assign} onClose={onClose} onSubmit={onSubmit}>
      <Form.Item name="handlerId" label={tfb.forms.handler} rules={[{ required: true, message: tfb.forms.handler }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={(people.data ?? []).filter((p) => p.isActive).map((p) => ({ value: p.id, label: `${p.displayName}（${p.username}）` }))} data-testid="assign-handler" />
      </Form.Item>
    </FormModal>
  );
}

function TasksModal({ onClose, onSubmit }: { onClose: () => void; onSubmit: (v: { tasks: { departmentId: string; request: string; dueOn: string }[] }) => Promise<unknown> }) {
  const options = useFeedbackOptions();
  type V = { departmentIds: string[]; request: string; dueOn: Dayjs };
  return (
    <FormModal<V>
      title={tfb.buttons.tasks}
      onClose={onClose}
      initialValues={{ dueOn: nowInShanghai().add(7, 'day') }}
      onSubmit={(v) => onSubmit({ tasks: v.departmentIds.map((departmentId) => ({ departmentId, request: v.request, dueOn: toIsoDate(v.dueOn) })) })}
    >
      <Form.Item name="departmentIds" label={tfb.forms.taskDepartments} rules={[{ required: true, message: tfb.forms.taskDepartments }]}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={(options.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))} data-testid="task-departments" />
      </Form.Item>
      <Form.Item name="request" label={tfb.forms.taskRequest} rules={[{ required: true, whitespace: true, message: tfb.forms.taskRequest }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="task-request" />
      </Form.Item>
      <Form.Item name="dueOn" label={tfb.forms.taskDue} rules={[{ required: true, message: tfb.forms.taskDue }]}>
        <DatePicker data-testid="task-due" />
      </Form.Item>
    </FormModal>
  );
}
