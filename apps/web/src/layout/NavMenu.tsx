import { Drawer, Menu, type MenuProps } from 'antd';
import { NAV_ICONS } from '../nav-icons';
import type { NavPath } from '../nav';

// antd's Menu and Drawer are a large part of the app frame: loaded after the page on a desktop, and
// on a phone only when the menu is first opened (field pages are used on phones over weak networks).

interface MenuOptions {
  items: { key: string; label: string }[];
  selected: string[];
  onNavigate: (path: string) => void;
}

/** The role-filtered menu (the Sider's on a desktop). */
export function NavMenu({ items, selected, onNavigate }: MenuOptions) {
  const withIcons: MenuProps['items'] = items.map((item) => ({ ...item, icon: NAV_ICONS[item.key as NavPath] }));
  return (
    <Menu theme="dark" mode="inline" items={withIcons} selectedKeys={selected} onClick={({ key }) => onNavigate(key)} />
  );
}

/** The menu in a Drawer (on a phone). */
export function NavDrawer({
  open,
  onClose,
  title,
  ...menu
}: MenuOptions & { open: boolean; onClose: () => void; title: string }) {
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      width={240}
      title={title}
      styles={{ body: { padding: 0, background: '#001529' } }}
    >
      <NavMenu {...menu} />
    </Drawer>
  );
}

export default NavMenu;
