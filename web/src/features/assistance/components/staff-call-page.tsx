import { App, Button, Card, Descriptions, Divider, Form, Result } from 'antd';
import { Link, useParams } from 'react-router';
import { useShowError } from '../../../components/use-show-error.ts';
import { applyFieldErrors } from '../../../lib/forms.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { tast } from '../../../locales/assistance.zh-CN.ts';
import { useEndSession } from '../queries.ts';
import { useVideoCall } from '../use-video-call.ts';
import { CallView } from './call-view.tsx';
import { OutcomeFields, outcomeOf, type OutcomeValues } from './outcome-fields.tsx';

/** The assistant's side of a video session: the call, then its outcome, which ends it into the ledger. */
export function StaffCallPage() {
  const { id = '' } = useParams();
  const call = useVideoCall(id, 'staff');
  const end = useEndSession();
  const [form] = Form.useForm<OutcomeValues>();
  const { message } = App.useApp();
  const showError = useShowError();
  const session = end.data ?? call.session;
  const onEnd = (v: OutcomeValues) =>
    end.mutate(
      { id, body: { version: call.session!.version, ...outcomeOf(v) } },
      {
        onSuccess: () => void message.success(tast.call.endedSaved),
        onError: (error) => {
          showError(error);
          applyFieldErrors(form, error);
        },
      },
    );
  if (session?.state === 'ended' || end.isSuccess) {
    return (
      <Card>
        <Result
          status="success"
          title={tast.call.ended}
          subTitle={session?.durationSeconds != null ? <span data-testid="call-length">{tast.call.length(session.durationSeconds)}</span> : null}
          extra={
            <Link to="/assistance">
              <Button type="primary" data-testid="call-back">{tast.call.back}</Button>
            </Link>
          }
        />
      </Card>
    );
  }
  return (
    <Card title={tast.call.title}>
      {session && (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'enterprise', label: tast.columns.enterprise, children: `${session.enterpriseName}（${session.personName}）` },
            { key: 'slot', label: tast.columns.slot, children: formatDateTime(session.startsAt).slice(0, 16) },
            { key: 'topic', label: tast.columns.topic, children: [session.topic, session.itemName].filter(Boolean).join(' · ') },
          ]}
        />
      )}
      <CallView phase={call.phase} connectionState={call.connectionState} localVideo={call.localVideo} remoteVideo={call.remoteVideo} />
      <Divider>{tast.call.endTitle}</Divider>
      <Form form={form} layout="vertical" onFinish={onEnd} initialValues={{ helpedWith: [] }} style={{ maxWidth: 640 }}>
        <OutcomeFields />
        <Button type="primary" danger htmlType="submit" loading={end.isPending} disabled={!call.session} data-testid="call-end">
          {tast.call.end}
        </Button>
      </Form>
    </Card>
  );
}
