import { Checkbox, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { optionsOf } from '../../../lib/options.ts';
import { toIsoDate } from '../../../lib/time.ts';
import { tast } from '../../../locales/assistance.zh-CN.ts';
import { t } from '../../../locales/zh-CN.ts';
import type { EndInput } from '../api.ts';
import { useAssistanceItems } from '../queries.ts';

export type OutcomeValues = { helpedWith: EndInput['helpedWith']; itemIds?: string[]; result: EndInput['result']; applicationNumber?: string; referredTo?: string; note?: string; followUpDueOn?: Dayjs };

/** The outcome's fields as the API takes them: the application number only when filed, the referral only when referred. */
export function outcomeOf(v: OutcomeValues) {
  return {
    helpedWith: v.helpedWith,
    itemIds: v.itemIds ?? [],
    result: v.result,
    ...(v.result === 'filed' && v.applicationNumber?.trim() ? { applicationNumber: v.applicationNumber.trim() } : {}),
    ...(v.result === 'referred' ? { referredTo: v.referredTo?.trim() ?? '' } : {}),
    note: v.note?.trim() ?? '',
    ...(v.followUpDueOn ? { followUpDueOn: toIsoDate(v.followUpDueOn) } : {}),
  };
}

/** What was helped with, the items, the result and the follow-up: the same on site and at the end of a video session. */
export function OutcomeFields() {
  const items = useAssistanceItems();
  const result = Form.useWatch<string | undefined>('result');
  return (
    <>
      <Form.Item name="helpedWith" label={tast.record.helpedWith} rules={[{ required: true, message: t.common.required }]}>
        <Checkbox.Group options={optionsOf(tast.helps)} data-testid="assistance-helped" />
      </Form.Item>
      <Form.Item name="itemIds" label={tast.record.items}>
        <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} loading={items.isPending} options={items.data?.map((i) => ({ value: i.id, label: i.name }))} data-testid="assistance-items" />
      </Form.Item>
      <Form.Item name="result" label={tast.record.result} rules={[{ required: true, message: t.common.required }]}>
        <Radio.Group options={optionsOf(tast.results)} data-testid="assistance-result" />
      </Form.Item>
      {result === 'filed' && (
        <Form.Item name="applicationNumber" label={tast.record.applicationNumber}>
          <Input maxLength={40} data-testid="assistance-application-number" />
        </Form.Item>
      )}
      {result === 'referred' && (
        <Form.Item name="referredTo" label={tast.record.referredTo} rules={[{ required: true, whitespace: true, message: t.common.required }]}>
          <Input maxLength={100} data-testid="assistance-referred-to" />
        </Form.Item>
      )}
      <Form.Item name="followUpDueOn" label={tast.record.followUpDueOn} extra={tast.record.followUpHint}>
        <DatePicker data-testid="assistance-follow-up-date" />
      </Form.Item>
      <Form.Item name="note" label={tast.record.note}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="assistance-note" />
      </Form.Item>
    </>
  );
}
