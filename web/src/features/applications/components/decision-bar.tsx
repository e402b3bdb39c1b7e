import { App, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import type { ApplicationDetail } from '@server/modules/applications/contract.ts';
import type { ApplicationAction } from '@server/modules/applications/workflow/definition.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { useShowError } from '../../../components/use-show-error.ts';
import { ta } from '../../../locales/applications.zh-CN.ts';
import { tl } from '../../../locales/licenses.zh-CN.ts';
import { useLicenseTypes } from '../../licenses/queries.ts';
import { useAct, useReviewers, useTaskAction } from '../queries.ts';

type Dialog = 'deferral' | 'supplement' | 'decline' | 'approve' | 'reject' | 'return' | 'reassign' | 'special' | 'specialEnd' | 'lead' | 'verify' | null;
const PRESENT = ['uploaded', 'license', 'paper_seen', 'committed'];

/**
 * What the person looking may do now, as buttons: the counter's decisions, the reviewer's on
 * the task of their department, the lead department's word, special procedures, the commitment check.
 */
export function DecisionBar({ app }: { app: ApplicationDetail }) {
  const { me, can } = useAuth();
  const act = useAct(app.id);
  const taskAct = useTaskAction(app.id);
  const showError = useShowError();
  const { modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const has = (a: ApplicationAction) => app.actions.includes(a);
  const post = (path: string, body: object = {}) => act.mutateAsync({ path, body: { version: app.version, ...body } });
  const quick = (path: string) => () => void post(path).catch(showError);
  const task = app.tasks.find((t) => t.applicationId === app.id && t.departmentId === me.departmentId && (t.state === 'open' || t.state === 'taken'));
  const onTask = (path: string, body: object = {}) => taskAct.mutateAsync({ taskId: task!.id, path, body: { version: task!.version, ...body } });
  const isLead = app.leadDepartmentId === me.departmentId;
  const owed = app.materials.filter((m) => !PRESENT.includes(m.status));
  const pending = app.supplements.find((s) => s.state === 'pending_approval');
  const busy = act.isPending || taskAct.isPending;

  const buttons = [
    has('accept') && (
      <Button key="accept" type="primary" disabled={busy} data-testid="action-accept" onClick={() => modal.confirm({ title: ta.decisions.acceptConfirm, onOk: () => post('accept').catch(showError) })}>
        {ta.decisions.accept}
      </Button>
    ),
    has('accept_with_deferral') && app.deferral.isAllowed && owed.some((m) => m.isDeferrable) && (
      <Button key="deferral" onClick={() => setDialog('deferral')}>
        {ta.decisions.deferral}
      </Button>
    ),
    has('request_supplement') && owed.length > 0 && (
      <Button key="supplement" onClick={() => setDialog('supplement')} data-testid="action-supplement">
        {ta.decisions.supplement}
      </Button>
    ),
    has('resubmit') && (
      <Button key="resubmit" type="primary" disabled={busy} onClick={quick('resubmit')} data-testid="action-resubmit">
        {ta.decisions.resubmit}
      </Button>
    ),
    has('decline') && (
      <Button key="decline" danger onClick={() => setDialog('decline')}>
        {ta.decisions.decline}
      </Button>
    ),
    has('supplement_received') && (
      <Button key="received" type="primary" disabled={busy} onClick={quick('supplement-received')}>
        {ta.decisions.supplementReceived}
      </Button>
    ),
    has('supply_deferred') && app.deferralState === 'pending' && (
      <Button key="deferred" disabled={busy} onClick={quick('deferred-supplied')}>
        {ta.decisions.deferredSupplied}
      </Button>
    ),
    pending && can('application.approve_second_supplement') && (
      <Space key="second">
        <span>{ta.decisions.pendingSupplement(pending.ordinal)}</span>
        <Button type="primary" disabled={busy} onClick={quick(`supplements/${pending.id}/approve`)}>
          {ta.decisions.approveSupplement}
        </Button>
        <Button disabled={busy} onClick={() => void post(`supplements/${pending.id}/refuse`, { reason: ta.decisions.refuseSupplement }).catch(showError)}>
          {ta.decisions.refuseSupplement}
        </Button>
      </Space>
    ),
    task && task.state === 'open' && has('take') && (
      <Button key="take" disabled={busy} onClick={() => void onTask('take').catch(showError)} data-testid="action-take">
        {ta.review.take}
      </Button>
    ),
    task && has('approve') && (
      <Button key="approve" type="primary" onClick={() => setDialog('approve')} data-testid="action-approve">
        {ta.review.approve}
      </Button>
    ),
    task && has('reject') && (
      <Button key="reject" danger onClick={() => setDialog('reject')}>
        {ta.review.reject}
      </Button>
    ),
    task && has('return_for_supplement') && (
      <Button key="return" onClick={() => setDialog('return')}>
        {ta.review.returnForSupplement}
      </Button>
    ),
    task && has('start_special_procedure') && (
      <Button key="special" onClick={() => setDialog('special')}>
        {ta.review.special}
      </Button>
    ),
    has('end_special_procedure') && app.tasks.some((t) => t.departmentId === me.departmentId) && (
      <Button key="specialEnd" onClick={() => setDialog('specialEnd')}>
        {ta.review.specialEnd}
      </Button>
    ),
    has('reassign') && can('application.department') && app.tasks.some((t) => t.departmentId === me.departmentId && (t.state === 'open' || t.state === 'taken')) && (
      <Button key="reassign" onClick={() => setDialog('reassign')}>
        {ta.review.reassign}
      </Button>
    ),
    (has('uphold_rejection') || has('return_to_review')) && isLead && (
      <Button key="lead" type="primary" onClick={() => setDialog('lead')} data-testid="action-lead">
        {ta.review.leadDecision}
      </Button>
    ),
    has('verify_commitment') && app.verification?.state === 'pending' && app.departmentId === me.departmentId && (
      <Button key="verify" onClick={() => setDialog('verify')}>
        {ta.review.verify}
      </Button>
    ),
  ].filter(Boolean);

  const close = () => setDialog(null);
  return (
    <>
      {buttons.length > 0 && (
        <Space wrap data-testid="decision-bar">
          {buttons}
        </Space>
      )}
      {dialog === 'deferral' && (
        <FormModal<{ materialKeys: string[]; isCommitmentSigned: boolean }> title={ta.decisions.deferralTitle} onClose={close} onSubmit={(v) => post('accept-with-deferral', { materialKeys: v.materialKeys, isCommitmentSigned: true })}>
          <Form.Item name="materialKeys" label={ta.decisions.deferralMaterials} rules={[{ required: true }]}>
            <Checkbox.Group options={owed.filter((m) => m.isDeferrable).map((m) => ({ value: m.key, label: m.name }))} />
          </Form.Item>
          <Form.Item name="isCommitmentSigned" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(ta.decisions.deferralSigned))) }]}>
            <Checkbox>{ta.decisions.deferralSigned}</Checkbox>
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'supplement' && (
        <FormModal<{ deadlineDays: number; reason?: string } & Record<string, string | number | undefined>>
          title={ta.decisions.supplementTitle}
          width={640}
          initialValues={{ deadlineDays: 5 }}
          onClose={close}
          onSubmit={(v) => post('supplement', { deadlineDays: v.deadlineDays, reason: v.reason ?? '', items: owed.map((m) => ({ key: m.key, requirement: String(v[`req_${m.key}`] ?? '') })) })}
        >
          <p>{ta.decisions.supplementHint}</p>
          {owed.map((m) => (
            <Form.Item key={m.key} name={`req_${m.key}`} label={`${m.name}${m.problem ? `（${m.problem}）` : ''}`}>
              <Input maxLength={300} placeholder={m.requirement} />
            </Form.Item>
          ))}
          <Form.Item name="deadlineDays" label={ta.decisions.deadlineDays} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'decline' && (
        <FormModal<{ reason: string; remedies?: string }> title={ta.decisions.decline} onClose={close} onSubmit={(v) => post('decline', { reason: v.reason, remedies: v.remedies ?? '' })}>
          <Form.Item name="reason" label={ta.decisions.declineReason} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Form.Item name="remedies" label={ta.decisions.remedies}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'approve' && <ApproveModal onClose={close} onSubmit={(v) => onTask('approve', v)} />}
      {dialog === 'reject' && (
        <FormModal<{ opinion: string }> title={ta.review.reject} onClose={close} onSubmit={(v) => onTask('reject', v)}>
          <Form.Item name="opinion" label={ta.fields.opinion} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'return' && (
        <FormModal<{ keys: string[]; problem: string; deadlineDays: number }>
          title={ta.review.returnForSupplement}
          initialValues={{ deadlineDays: 5 }}
          onClose={close}
          onSubmit={(v) => onTask('return', { deadlineDays: v.deadlineDays, items: v.keys.map((key) => ({ key, problem: v.problem })) })}
        >
          <Form.Item name="keys" label={ta.materials.title} rules={[{ required: true }]}>
            <Select mode="multiple" options={app.materials.filter((m) => m.status !== 'committed').map((m) => ({ value: m.key, label: m.name }))} />
          </Form.Item>
          <Form.Item name="problem" label={ta.materials.problem} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="deadlineDays" label={ta.decisions.deadlineDays}>
            <InputNumber min={1} max={60} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'reassign' && <ReassignModal onClose={close} onSubmit={(assigneeId) => taskAct.mutateAsync({ taskId: app.tasks.find((t) => t.departmentId === me.departmentId && (t.state === 'open' || t.state === 'taken'))!.id, path: 'reassign', body: { version: app.tasks.find((t) => t.departmentId === me.departmentId && (t.state === 'open' || t.state === 'taken'))!.version, assigneeId } })} />}
      {dialog === 'special' && (
        <FormModal<{ kind: 'expert_review' | 'hearing' | 'inspection'; reason: string; maxDays: number }> title={ta.review.special} initialValues={{ kind: 'inspection', maxDays: 10 }} onClose={close} onSubmit={(v) => post('special-procedures', v)}>
          <Form.Item name="kind" label={ta.review.specialKind}>
            <Radio.Group options={Object.entries(ta.review.specialKinds).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="reason" label={ta.review.specialReason} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="maxDays" label={ta.review.specialMax} rules={[{ required: true }]}>
            <InputNumber min={1} max={120} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'specialEnd' && (
        <FormModal<{ outcome: string }> title={ta.review.specialEnd} onClose={close} onSubmit={(v) => post('special-procedures/end', v)}>
          <Form.Item name="outcome" label={ta.review.outcome} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'lead' && (
        <FormModal<{ decision: 'uphold' | 'return'; opinion: string }> title={ta.review.leadDecision} initialValues={{ decision: 'return' }} onClose={close} onSubmit={(v) => post('lead-decision', v)}>
          <Form.Item name="decision">
            <Radio.Group options={[{ value: 'return', label: ta.review.returnToReview }, { value: 'uphold', label: ta.review.uphold }]} />
          </Form.Item>
          <Form.Item name="opinion" label={ta.fields.opinion} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'verify' && (
        <FormModal<{ isTrue: boolean; note: string }> title={ta.review.verify} initialValues={{ isTrue: true }} onClose={close} onSubmit={(v) => post('commitment-verification', v)}>
          <Form.Item name="isTrue">
            <Radio.Group options={[{ value: true, label: ta.review.verifyTrue }, { value: false, label: ta.review.verifyFalse }]} />
          </Form.Item>
          <Form.Item name="note" label={ta.review.note} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

function ApproveModal({ onClose, onSubmit }: { onClose: () => void; onSubmit: (v: { opinion: string; licenseTypeCode?: string | null; licenseSite?: string }) => Promise<unknown> }) {
  const types = useLicenseTypes();
  return (
    <FormModal<{ opinion: string; license: string; site?: string }>
      title={ta.review.approve}
      initialValues={{ license: 'auto' }}
      onClose={onClose}
      onSubmit={(v) =>
        onSubmit({
          opinion: v.opinion,
          ...(v.license === 'auto' ? {} : { licenseTypeCode: v.license === 'none' ? null : v.license }),
          ...(v.site?.trim() ? { licenseSite: v.site } : {}),
        })
      }
    >
      <Form.Item name="opinion" label={ta.fields.opinion} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="approve-opinion" />
      </Form.Item>
      <Form.Item name="license" label={ta.review.licenseType}>
        <Select
          options={[
            { value: 'auto', label: ta.review.licenseAuto },
            { value: 'none', label: ta.review.licenseNone },
            ...(types.data ?? []).filter((t) => t.isActive).map((t) => ({ value: t.code, label: t.name })),
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.license !== b.license}>
        {({ getFieldValue }) =>
          getFieldValue('license') !== 'none' &&
          (getFieldValue('license') === 'auto' || types.data?.find((t) => t.code === getFieldValue('license'))?.isPerSite) && (
            <Form.Item name="site" label={tl.fields.site} extra={tl.library.siteHelp}>
              <Input maxLength={100} data-testid="approve-license-site" />
            </Form.Item>
          )
        }
      </Form.Item>
    </FormModal>
  );
}

function ReassignModal({ onClose, onSubmit }: { onClose: () => void; onSubmit: (assigneeId: string) => Promise<unknown> }) {
  const people = useReviewers(true);
  return (
    <FormModal<{ assigneeId: string }> title={ta.review.reassign} onClose={onClose} onSubmit={(v) => onSubmit(v.assigneeId)}>
      <Form.Item name="assigneeId" label={ta.review.assignee} rules={[{ required: true }]}>
        <Select options={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))} />
      </Form.Item>
    </FormModal>
  );
}
