import { Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { describeError } from '../../../../components/use-show-error.ts';
import { te } from '../../../../locales/enterprises.zh-CN.ts';
import { checkUscc, selfCheckSize } from '../../api.ts';
import { IndustrySelect } from '../industry-select.tsx';
import { SizeClassTag } from '../size-class-tag.tsx';

/** Public self-check tools: is this credit code well-formed, and what size class would an enterprise have. */
export function ToolsPage() {
  const uscc = useMutation({ mutationFn: checkUscc });
  const size = useMutation({ mutationFn: selfCheckSize });
  const text = (n: number | null | undefined) => (n === null || n === undefined ? undefined : String(n));
  return (
    <Flex vertical gap="large">
      <Card title={te.tools.usccTitle}>
        <Form layout="inline" onFinish={(v: { code: string }) => uscc.mutate(v.code.trim())} style={{ rowGap: 8 }}>
          <Form.Item name="code" rules={[{ required: true, whitespace: true, message: te.tools.usccPlaceholder }]}>
            <Input maxLength={30} placeholder={te.tools.usccPlaceholder} style={{ width: 300 }} data-testid="tool-uscc" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={uscc.isPending} data-testid="tool-uscc-submit">
            {te.tools.check}
          </Button>
        </Form>
        {uscc.isSuccess && (
          <Alert
            style={{ marginTop: 16 }}
            type={uscc.data.valid ? 'success' : 'error'}
            showIcon
            title={`${uscc.data.code}：${uscc.data.valid ? te.tools.valid : te.tools.invalid}`}
            description={uscc.data.reason}
            data-testid="tool-uscc-result"
          />
        )}
        {uscc.isError && <Alert style={{ marginTop: 16 }} type="error" showIcon title={describeError(uscc.error)} />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {te.tools.apiHint}
          <Typography.Text code>{te.tools.usccApi}</Typography.Text>
        </Typography.Paragraph>
      </Card>
      <Card title={te.tools.sizeTitle}>
        <Typography.Paragraph type="secondary">{te.tools.sizeHint}</Typography.Paragraph>
        <Form
          layout="vertical"
          onFinish={(v: { industry: string; employees?: number | null; revenue?: number | null; assets?: number | null }) =>
            size.mutate({ industry: v.industry, employees: text(v.employees), revenue: text(v.revenue), assets: text(v.assets) })
          }
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="industry" label={te.fields.industry} rules={[{ required: true, message: te.form.industryPlaceholder }]}>
                <IndustrySelect />
              </Form.Item>
            </Col>
            <Col xs={8} md={4}>
              <Form.Item name="employees" label={te.fields.employees}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} md={4}>
              <Form.Item name="revenue" label={te.fields.revenue}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} md={4}>
              <Form.Item name="assets" label={te.fields.assets}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={size.isPending} data-testid="tool-size-submit">
            {te.tools.calculate}
          </Button>
        </Form>
        {size.isSuccess && (
          <Alert
            style={{ marginTop: 16 }}
            type="success"
            showIcon
            title={
              <Flex gap="small" align="center">
                {te.tools.result}
                <SizeClassTag sizeClass={size.data.sizeClass} />
              </Flex>
            }
            description={size.data.reason}
            data-testid="tool-size-result"
          />
        )}
        {size.isError && <Alert style={{ marginTop: 16 }} type="error" showIcon title={describeError(size.error)} data-testid="tool-size-error" />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {te.tools.apiHint}
          <Typography.Text code>{te.tools.sizeApi}</Typography.Text>
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
