import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Tag, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { hasRole } from '../auth/roles';
import { useLogout, useMe } from '../auth/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { roleName } from '../components/labels';
import { NAV_ITEMS } from '../nav';
import { OutboxIndicator } from '../offline/OutboxIndicator';

const { Header, Sider, Content } = Layout;

/** The signed-in frame: role-filtered menu (a Drawer on phones), user and scope, language, logout. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.md ?? true;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();

  const items: MenuProps['items'] = NAV_ITEMS.filter((item) => hasRole(me.role, item.roles)).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: t(item.labelKey),
  }));
  const selected = NAV_ITEMS.filter((i) => i.path === '/' ? location.pathname === '/' : location.pathname.startsWith(i.path))
    .map((i) => i.path);

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
    />
  );

  const onLogout = () => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isDesktop ? (
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" aria-label={t('nav.menu')}>
          <div className="fk-logo">{collapsed ? t('app.name').slice(0, 1) : t('app.name')}</div>
          {menu}
        </Sider>
      ) : (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          width={240}
          title={t('app.fullName')}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          {menu}
        </Drawer>
      )}
      <Layout>
        <Header className="fk-header">
          {!isDesktop && (
            <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={() => setDrawerOpen(true)} />
          )}
          <div className="fk-header-user" style={{ flex: 1 }}>
            <Typography.Text strong ellipsis>{me.displayName}</Typography.Text>
            {/* A phone's header has room for the name alone; role and scope head the home page. */}
            {isDesktop && <Tag color="blue">{roleName(me.role)}</Tag>}
            {isDesktop && (
              <Typography.Text type="secondary" ellipsis>
                {t('header.scopeOf', { region: me.regionName })}
              </Typography.Text>
            )}
          </div>
          <OutboxIndicator />
          <LanguageSwitch compact={!isDesktop} />
          <Button
            type="text"
            icon={<LogoutOutlined />}
            onClick={onLogout}
            loading={logout.isPending}
            aria-label={t('header.logout')}
          >
            {isDesktop ? t('header.logout') : null}
          </Button>
        </Header>
        <Content className="fk-content">
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
