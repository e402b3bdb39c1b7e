import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { useShowError } from '../components/use-show-error.ts';
import { useLogout } from '../features/auth/queries.ts';
import { t } from '../locales/zh-CN.ts';
import { useAuth } from './auth-context.tsx';
import { CHANGE_PASSWORD_PATH } from './require-staff.tsx';

/** The header's account corner: who is signed in, in which roles; change password, log out. */
export function UserMenu() {
  const { me } = useAuth();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();

  const onLogout = async () => {
    try {
      await logout.mutateAsync();
      message.success(t.layout.loggedOut);
      await navigate('/login', { replace: true });
    } catch (error) {
      showError(error);
    }
  };

  const items = [
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password">{t.layout.changePassword}</span> },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t.layout.logout}</span> },
  ];
  return (
    <Space size="small" wrap>
      {me.roles.map((r) => (
        <Tag key={r} color="blue">
          {t.roles[r]}
        </Tag>
      ))}
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          onClick: ({ key }) => (key === 'logout' ? void onLogout() : void navigate(CHANGE_PASSWORD_PATH)),
        }}
      >
        <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
          {me.displayName} <DownOutlined />
        </Button>
      </Dropdown>
    </Space>
  );
}
