import { Alert, Button, DatePicker, Form, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { describeError } from '../../../components/use-show-error.ts';
import { formatDate, todayInShanghai, toIsoDate } from '../../../lib/time.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useDueDate } from '../queries.ts';

type Values = { from: Dayjs; workingDays: number };

/** From a date and a number of working days to the due date, as the server counts it. */
export function DueDateCalculator() {
  const [params, setParams] = useState<{ from: string; workingDays: number } | null>(null);
  const result = useDueDate(params);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form<Values>
        layout="vertical"
        initialValues={{ from: dayjs(todayInShanghai()), workingDays: 20 }}
        onFinish={({ from, workingDays }) => setParams({ from: toIsoDate(from), workingDays })}
      >
        <Form.Item name="from" label={t.calendar.dueFrom} rules={[{ required: true, message: t.common.required }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="workingDays" label={t.calendar.workingDays} rules={[{ required: true, message: t.common.required }]}>
          <InputNumber min={0} max={1000} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={result.isFetching}>
          {t.calendar.calculate}
        </Button>
      </Form>
      <Typography.Text type="secondary">{t.calendar.dueDateHint}</Typography.Text>
      {result.isError && <Alert type="error" showIcon title={describeError(result.error)} />}
      {result.data && (
        <Typography.Text data-testid="due-date">
          {t.calendar.dueDate}：<Typography.Text strong>{formatDate(result.data.dueDate)}</Typography.Text>
        </Typography.Text>
      )}
    </Space>
  );
}
