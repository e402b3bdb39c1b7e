import { App, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { isApiError } from '../lib/api.ts';
import { applyFieldErrors } from '../lib/forms.ts';
import { t } from '../locales/zh-CN.ts';
import { useShowError } from './use-show-error.ts';

type Props<V> = {
  title: string;
  initialValues?: Partial<V>;
  /** Usually a mutation's `mutateAsync`; its rejection is shown, with field messages under the fields. */
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  okText?: string;
  /** shown once saved; "已保存" unless given; a function of what `onSubmit` returned when that decides it */
  successText?: string | ((result: unknown) => string);
  width?: number;
  children: ReactNode;
};

/**
 * A modal form that saves through the API. Mount it only while it is open: each opening starts
 * from `initialValues`. When someone else changed the row first (STALE_VERSION), it closes,
 * since what it shows is out of date and the list has reloaded.
 */
export function FormModal<V extends object>(props: Props<V>) {
  const { title, initialValues, onSubmit, onClose, okText, successText, width, children } = props;
  const [form] = Form.useForm<V>();
  const [isSaving, setSaving] = useState(false);
  const { message } = App.useApp();
  const showError = useShowError();

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setSaving(true);
    try {
      const result = await onSubmit(values);
      message.success(typeof successText === 'function' ? successText(result) : (successText ?? t.common.saved));
      onClose();
    } catch (error) {
      showError(error);
      if (isApiError(error, 'STALE_VERSION')) onClose();
      else applyFieldErrors(form, error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText ?? t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={isSaving}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        {children}
      </Form>
    </Modal>
  );
}
