import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { describeError } from '../../../components/use-show-error.ts';
import { te } from '../../../locales/enterprises.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useUnmaskPerson } from '../queries.ts';

/** Shows one person's numbers in full after the reason is given; the server audits it. Nothing is kept once closed. */
export function UnmaskModal({ person, onClose }: { person: { id: string; name: string }; onClose: () => void }) {
  const unmask = useUnmaskPerson();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async () => {
    const { reason } = await form.validateFields();
    unmask.mutate({ id: person.id, reason });
  };
  return (
    <Modal
      open
      title={`${te.unmask.title}：${person.name}`}
      okText={te.unmask.submit}
      cancelText={t.common.cancel}
      onOk={() => (unmask.isSuccess ? onClose() : void submit())}
      okButtonProps={{ loading: unmask.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      {unmask.isSuccess ? (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={te.unmask.idNumber}>{unmask.data.idNumber}</Descriptions.Item>
          <Descriptions.Item label={te.unmask.phone}>{unmask.data.phone ?? '—'}</Descriptions.Item>
        </Descriptions>
      ) : (
        <>
          <Alert type="warning" showIcon title={te.unmask.notice} style={{ marginBottom: 16 }} />
          {unmask.isError && <Alert type="error" showIcon title={describeError(unmask.error)} style={{ marginBottom: 16 }} />}
          <Form form={form} layout="vertical" onFinish={() => void submit()}>
            <Form.Item name="reason" label={te.unmask.reason} rules={[{ required: true, whitespace: true, min: 4, message: te.unmask.reasonPlaceholder }]}>
              <Input maxLength={200} placeholder={te.unmask.reasonPlaceholder} data-testid="unmask-reason" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
