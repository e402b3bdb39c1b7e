import { Table, Tag } from 'antd';
import { t } from '../../../locales/zh-CN.ts';
import type { DemoInfo } from '../api.ts';

type Account = DemoInfo['accounts'][number];

/** The demo staff accounts; choosing one fills the login form. */
export function DemoAccountsTable({ accounts, onPick }: { accounts: Account[]; onPick: (account: Account) => void }) {
  return (
    <Table<Account>
      data-testid="demo-accounts"
      size="small"
      rowKey="username"
      pagination={false}
      dataSource={accounts}
      onRow={(account) => ({ onClick: () => onPick(account), style: { cursor: 'pointer' } })}
      columns={[
        { title: t.demo.username, dataIndex: 'username' },
        { title: t.demo.password, dataIndex: 'password' },
        { title: t.demo.displayName, dataIndex: 'displayName' },
        {
          title: t.demo.roles,
          dataIndex: 'roles',
          render: (roles: Account['roles']) => roles.map((r) => <Tag key={r}>{t.roles[r]}</Tag>),
        },
      ]}
    />
  );
}
