import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime, nowInShanghai } from '../../../../lib/time.ts';
import { tc } from '../../../../locales/catalog.zh-CN.ts';

/** Title, version and the print button of a one-time notice. */
export function NoticeHeader({ title, code, versionNumber, publishedAt, tags, extra }: {
  title: string;
  code: string;
  versionNumber: number;
  publishedAt: string;
  tags?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Text type="secondary" className="notice-print-only">
          {tc.notice.printTitle}
        </Typography.Text>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="notice-title">
          {title}
        </Typography.Title>
        <Space size={[8, 4]} wrap style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            {tc.notice.code}：{code}
          </Typography.Text>
          <Typography.Text type="secondary">{tc.notice.version(versionNumber, formatDateTime(publishedAt).slice(0, 10))}</Typography.Text>
          {tags}
        </Space>
        <Typography.Text type="secondary" className="notice-print-only">
          {tc.notice.printedAt(nowInShanghai().format('YYYY-MM-DD HH:mm'))}
        </Typography.Text>
      </div>
      <Space className="no-print">
        {extra}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
          {tc.notice.print}
        </Button>
      </Space>
    </Flex>
  );
}

export const MechanismTag = ({ children, color }: { children: ReactNode; color: string }) => <Tag color={color}>{children}</Tag>;
