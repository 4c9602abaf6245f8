import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Tag, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { hasRole } from '../auth/roles';
import { useLogout, useMe } from '../auth/session';
import { ChunkBoundary } from '../components/ChunkBoundary';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { lazyWithPreload } from '../components/lazyWithPreload';
import { roleName } from '../components/labels';
import { NAV_ITEMS } from '../nav';
import { useOutboxItems } from '../offline';
import { OfflineNotice } from '../offline/OfflineNotice';

// Out of the first download: the menu (see NavMenu.tsx) and the outbox list, shown only when writes
// wait. Both are fetched once the frame is up, so that neither is first asked for offline.
const NavMenu = lazyWithPreload(() => import('./NavMenu'));
const NavDrawer = lazyWithPreload(() => import('./NavMenu').then((m) => ({ default: m.NavDrawer })));
const OutboxIndicator = lazyWithPreload(() =>
  import('../offline/OutboxIndicator').then((m) => ({ default: m.OutboxIndicator })),
);

const { Header, Sider, Content } = Layout;

/** The signed-in frame: role-filtered menu (a Drawer on phones), user and scope, language, logout. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.md ?? true;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drawerUsed, setDrawerUsed] = useState(false);
  const waiting = useOutboxItems().length > 0;
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();

  const items = NAV_ITEMS.filter((item) => hasRole(me.role, item.roles)).map((item) => ({
    key: item.path,
    label: t(item.labelKey),
  }));
  const selected = NAV_ITEMS.filter((i) =>
    i.path === '/' ? location.pathname === '/' : location.pathname.startsWith(i.path),
  ).map((i) => i.path);

  const menu = {
    items,
    selected,
    onNavigate: (path: string) => {
      setDrawerOpen(false);
      void navigate(path);
    },
  };

  useEffect(() => {
    for (const part of [OutboxIndicator, isDesktop ? NavMenu : NavDrawer]) part.preload().catch(() => undefined);
  }, [isDesktop]);

  const onLogout = () => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isDesktop ? (
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" aria-label={t('nav.menu')}>
          <div className="fk-logo">{collapsed ? t('app.name').slice(0, 1) : t('app.name')}</div>
          <ChunkBoundary quiet>
            <Suspense fallback={null}>
              <NavMenu {...menu} />
            </Suspense>
          </ChunkBoundary>
        </Sider>
      ) : (
        drawerUsed && (
          <ChunkBoundary quiet>
            <Suspense fallback={null}>
              <NavDrawer {...menu} open={drawerOpen} onClose={() => setDrawerOpen(false)} title={t('app.fullName')} />
            </Suspense>
          </ChunkBoundary>
        )
      )}
      <Layout>
        <Header className="fk-header">
          {!isDesktop && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.menu')}
              onClick={() => {
                setDrawerUsed(true);
                setDrawerOpen(true);
              }}
            />
          )}
          <div className="fk-header-user" style={{ flex: 1 }}>
            <Typography.Text strong ellipsis>
              {me.displayName}
            </Typography.Text>
            {/* A phone's header has room for the name alone; role and scope head the home page. */}
            {isDesktop && <Tag color="blue">{roleName(me.role)}</Tag>}
            {isDesktop && (
              <Typography.Text type="secondary" ellipsis>
                {t('header.scopeOf', { region: me.regionName })}
              </Typography.Text>
            )}
          </div>
          {waiting && (
            <ChunkBoundary quiet>
              <Suspense fallback={null}>
                <OutboxIndicator />
              </Suspense>
            </ChunkBoundary>
          )}
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
          <OfflineNotice />
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
