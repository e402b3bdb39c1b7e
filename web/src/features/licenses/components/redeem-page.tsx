import { Alert, Button, Card, Flex, Form, Image, Input, List, Space, Typography } from 'antd';
import type { RedemptionDto } from '@server/modules/licenses/contract.ts';
import { describeError } from '../../../components/use-show-error.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { tl } from '../../../locales/licenses.zh-CN.ts';
import { redeemedDocumentUrl } from '../api.ts';
import { useRedeemed, useRedeemGrant } from '../queries.ts';
import { LicenseTable } from './license-table.tsx';

/** The licenses a holder handed over with one grant, previews of pictures and a link to every document. */
function RedemptionView({ redemption }: { redemption: RedemptionDto }) {
  const pictures = redemption.licenses.filter((l) => l.document.mediaType.startsWith('image/'));
  return (
    <Flex vertical gap="middle">
      <LicenseTable licenses={redemption.licenses} documentUrl={(id) => redeemedDocumentUrl(redemption.grantId, id)} />
      <Image.PreviewGroup>
        <Space wrap>
          {pictures.map((l) => (
            <Image key={l.id} width={280} src={redeemedDocumentUrl(redemption.grantId, l.id)} alt={`${l.type.name} ${l.number}`} />
          ))}
        </Space>
      </Image.PreviewGroup>
    </Flex>
  );
}

/** 调取证照: the clerk enters or scans the holder's code and sees the licenses it grants. */
export function RedeemPage() {
  const redeem = useRedeemGrant();
  const recent = useRedeemed();
  const [form] = Form.useForm<{ code: string; applicationRef: string }>();
  return (
    <Flex vertical gap="large">
      <Card title={tl.redeem.title}>
        <Typography.Paragraph type="secondary">{tl.redeem.hint}</Typography.Paragraph>
        <Form
          form={form}
          layout="inline"
          style={{ rowGap: 8, marginBottom: 16 }}
          onFinish={(v) => redeem.mutate({ code: v.code, applicationRef: v.applicationRef ?? '' }, { onSuccess: () => form.resetFields(['code']) })}
        >
          <Form.Item name="code" label={tl.redeem.code} rules={[{ required: true, whitespace: true, message: tl.redeem.codePlaceholder }]}>
            <Input autoFocus autoComplete="off" placeholder={tl.redeem.codePlaceholder} style={{ width: 260 }} data-testid="redeem-code" />
          </Form.Item>
          <Form.Item name="applicationRef" label={tl.redeem.applicationRef}>
            <Input maxLength={100} style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={redeem.isPending} data-testid="redeem-submit">
            {tl.redeem.submit}
          </Button>
        </Form>
        {redeem.isError && <Alert type="error" showIcon title={describeError(redeem.error)} data-testid="redeem-error" />}
        {redeem.isSuccess && (
          <Flex vertical gap="middle">
            <Alert type="success" showIcon title={tl.redeem.result(`${redeem.data.holder.name}（${redeem.data.holder.uscc}）`)} />
            <RedemptionView redemption={redeem.data} />
          </Flex>
        )}
      </Card>
      <Card title={tl.redeem.recent}>
        <List
          loading={recent.isPending}
          dataSource={recent.data}
          locale={{ emptyText: tl.redeem.none }}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={`${r.holder.name}（${r.holder.uscc}）`}
                description={`${tl.redeem.redeemedAt}：${formatDateTime(r.redeemedAt)}${r.applicationRef ? ` · ${tl.fields.applicationRef}：${r.applicationRef}` : ''} · ${r.licenses.map((l) => l.type.name).join('、')}`}
              />
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
