import { Alert, Button, DatePicker, Form, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { describeError } from '../../../components/use-show-error.ts';
import { toIsoDate } from '../../../lib/time.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useWorkingDayCount } from '../queries.ts';

type Values = { range: [Dayjs, Dayjs] };

/** How many working days lie after one date, up to and including another. */
export function WorkingDayCounter() {
  const [params, setParams] = useState<{ from: string; to: string } | null>(null);
  const result = useWorkingDayCount(params);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form<Values> layout="vertical" onFinish={({ range: [from, to] }) => setParams({ from: toIsoDate(from), to: toIsoDate(to) })}>
        <Form.Item name="range" label={t.calendar.range} rules={[{ required: true, message: t.common.required }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={result.isFetching}>
          {t.calendar.calculate}
        </Button>
      </Form>
      <Typography.Text type="secondary">{t.calendar.countHint}</Typography.Text>
      {result.isError && <Alert type="error" showIcon title={describeError(result.error)} />}
      {result.data && <Typography.Text strong>{t.calendar.count(result.data.count)}</Typography.Text>}
    </Space>
  );
}
