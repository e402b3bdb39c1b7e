import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, InputNumber, List, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { QueryError } from '../../../../components/query-error.tsx';
import { describeError } from '../../../../components/use-show-error.ts';
import { tpol, yuan } from '../../../../locales/policies.zh-CN.ts';
import { meQuery } from '../../../auth/queries.ts';
import type { CalculatorInput, CalculatorResult } from '../../api.ts';
import { useCalculation, useOwnCalculation } from '../../queries.ts';

type Values = {
  industryCode?: string;
  sizeClass?: CalculatorInput['sizeClass'];
  town?: string;
  registrationDate?: Dayjs;
  employees?: number | null;
  revenue?: number | null;
  assets?: number | null;
  tags?: string[];
};

/**
 * 政策计算器: an enterprise signed in sees what it qualifies for on its registry record, with the
 * amounts; anyone can type in a few facts. Policies missed by one condition name that condition.
 */
export function PolicyCalculatorPage() {
  const { data: me } = useQuery(meQuery);
  const isEnterprise = me?.type === 'enterprise';
  const own = useOwnCalculation(isEnterprise);
  const manual = useCalculation();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) =>
    manual.mutate({
      industryCode: v.industryCode?.trim() ?? '',
      sizeClass: v.sizeClass ?? null,
      town: v.town?.trim() ?? '',
      registrationDate: v.registrationDate?.format('YYYY-MM-DD') ?? null,
      employees: v.employees ?? null,
      revenue: v.revenue ?? null,
      assets: v.assets ?? null,
      tags: v.tags ?? [],
    });
  return (
    <Flex vertical gap="middle">
      <Card title={tpol.calculator.title}>
        <Typography.Paragraph type="secondary">{tpol.calculator.hint}</Typography.Paragraph>
      </Card>
      {isEnterprise && (
        <Card title={tpol.calculator.ownTitle} data-testid="calculator-own">
          {own.isError ? <QueryError error={own.error} onRetry={() => void own.refetch()} /> : own.data ? <Results result={own.data} /> : <Skeleton active />}
        </Card>
      )}
      <Card title={tpol.calculator.manualTitle} data-testid="calculator-manual">
        <Form form={form} layout="vertical" onFinish={submit}>
          <Space wrap align="start">
            <Form.Item name="industryCode" label={tpol.calculator.industryCode}>
              <Input maxLength={5} style={{ width: 200 }} data-testid="calc-industry" />
            </Form.Item>
            <Form.Item name="sizeClass" label={tpol.calculator.sizeClass}>
              <Select allowClear style={{ width: 140 }} options={Object.entries(tpol.sizes).map(([value, label]) => ({ value, label }))} data-testid="calc-size" />
            </Form.Item>
            <Form.Item name="employees" label={tpol.calculator.employees}>
              <InputNumber min={0} precision={0} style={{ width: 140 }} data-testid="calc-employees" />
            </Form.Item>
            <Form.Item name="revenue" label={tpol.calculator.revenue}>
              <InputNumber min={0} style={{ width: 160 }} data-testid="calc-revenue" />
            </Form.Item>
            <Form.Item name="assets" label={tpol.calculator.assets}>
              <InputNumber min={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="registrationDate" label={tpol.calculator.registrationDate}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="town" label={tpol.calculator.town}>
              <Input maxLength={50} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="tags" label={tpol.calculator.tags}>
              <Select mode="tags" style={{ minWidth: 240 }} tokenSeparators={[',', '，']} options={tpol.calculator.tagSuggestions.map((v) => ({ value: v }))} />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={manual.isPending} data-testid="calc-submit">
            {tpol.calculator.calculate}
          </Button>
        </Form>
        {manual.isError && <Alert type="error" showIcon title={describeError(manual.error)} style={{ marginTop: 16 }} />}
        {manual.data && (
          <div style={{ marginTop: 16 }} data-testid="calculator-manual-result">
            <Results result={manual.data} />
          </div>
        )}
      </Card>
    </Flex>
  );
}

function Results({ result }: { result: CalculatorResult }) {
  type Row = CalculatorResult['qualifying'][number];
  return (
    <Flex vertical gap="middle">
      <Table<Row>
        rowKey="policyId"
        size="small"
        title={() => <Typography.Text strong>{tpol.calculator.qualifying(result.qualifying.length)}</Typography.Text>}
        dataSource={result.qualifying}
        pagination={false}
        locale={{ emptyText: tpol.calculator.none }}
        columns={[
          { title: tpol.fields.title, dataIndex: 'title', render: (title: string, r) => <Link to={`/portal/policies/${r.policyId}`}>{title}</Link> },
          { title: tpol.fields.mode, dataIndex: 'mode', render: (m: Row['mode']) => <Tag color={m === 'auto' ? 'green' : 'blue'}>{tpol.modes[m]}</Tag> },
          {
            title: tpol.calculator.amount,
            dataIndex: 'amount',
            render: (amount: number | null, r) => <span title={r.amountBasis}>{amount === null ? tpol.calculator.amountUnknown : amount > 0 ? yuan(amount) : tpol.calculator.noAmount}</span>,
          },
        ]}
        data-testid="calculator-qualifying"
      />
      <List
        size="small"
        header={<Typography.Text strong>{tpol.calculator.nearMisses(result.nearMisses.length)}</Typography.Text>}
        dataSource={result.nearMisses}
        locale={{ emptyText: tpol.calculator.none }}
        renderItem={(n) => (
          <List.Item data-testid="near-miss">
            <List.Item.Meta title={<Link to={`/portal/policies/${n.policyId}`}>{n.title}</Link>} description={tpol.pair(tpol.calculator.missing, n.missing)} />
          </List.Item>
        )}
      />
    </Flex>
  );
}
