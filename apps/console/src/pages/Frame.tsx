import { useQuery } from '@tanstack/react-query';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Layout, Menu, Space, Typography } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { answer, api } from '../api/client';
import type { Actor } from '../api/views';
import { clearSession } from '../auth/session';

// The menu's own colours for its links (a bare link would be blue on the dark header, too little contrast).
function menuItem(path: string, label: string) {
  return {
    key: path,
    label: (
      <Link to={path} style={{ color: 'inherit' }}>
        {label}
      </Link>
    ),
  };
}

/** The pages a user's roles open (the engine refuses the rest anyway: the menu only leaves out dead ends). */
function menuFor(actor: Actor | undefined) {
  const roles = actor?.roles ?? [];
  const overseer = roles.some((role) => role === 'supervisor' || role === 'leadership' || role === 'admin');
  return [
    menuItem('/', '待办'),
    ...(overseer ? [menuItem('/board', '督办台'), menuItem('/statistics', '统计分析')] : []),
    ...(roles.includes('supervisor') ? [menuItem('/documents', '文件管理')] : []),
    menuItem('/notices', '通知'),
    ...(roles.includes('admin') ? [menuItem('/admin/users', '用户管理')] : []),
  ];
}

/**
 * The unread count, polled every 30 s: one cheap indexed count per open tab. Server-sent events would need a
 * long-lived connection per tab through the API process, and EventSource cannot send the Authorization header,
 * so the token would have to travel in the URL, which the console never does.
 */
const UNREAD_POLL_MS = 30_000;

function UnreadNotices() {
  const { data } = useQuery({
    queryKey: ['notices', 'unread-count'],
    queryFn: () => answer(api.GET('/notices/unread-count')),
    refetchInterval: UNREAD_POLL_MS,
  });
  const count = data?.count ?? 0;
  return (
    <Link to="/notices" aria-label={`通知，${count} 条未读`} data-testid="unread-notices" data-count={count}>
      <Badge count={count} overflowCount={99} size="small">
        <BellOutlined style={{ color: '#fff', fontSize: 20 }} />
      </Badge>
    </Link>
  );
}

export function useActor() {
  return useQuery({ queryKey: ['me'], queryFn: () => answer(api.GET('/auth/me')), staleTime: Infinity });
}

function useUnitName(code: string | undefined): string | undefined {
  const { data } = useQuery({
    queryKey: ['units'],
    queryFn: () => answer(api.GET('/units')),
    staleTime: Infinity,
  });
  return data?.units.find((unit) => unit.code === code)?.fullName ?? code;
}

export function Frame() {
  const location = useLocation();
  const navigate = useNavigate();
  const { data: actor } = useActor();
  const unitName = useUnitName(actor?.unitCode);
  const menu = menuFor(actor);
  const selected = menu.find((item) => item.key !== '/' && location.pathname.startsWith(item.key))?.key ?? '/';

  // The engine revokes the token, then the tab forgets it; a refusal (token already gone) changes nothing.
  const logout = async () => {
    await api.POST('/auth/logout').catch(() => undefined);
    clearSession();
    await navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16, flexWrap: 'wrap', height: 'auto' }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          督查督办
        </Typography.Text>
        <nav aria-label="主导航" style={{ flex: 1, minWidth: 120 }}>
          {/* Every page stays in view (wrapping on a phone) rather than behind an overflow "…" menu. */}
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[selected]}
            items={menu}
            disabledOverflow
            style={{ flexWrap: 'wrap', lineHeight: '48px' }}
          />
        </nav>
        <Space wrap size="middle">
          <UnreadNotices />
          <Typography.Text style={{ color: '#fff' }} data-testid="current-user">
            {unitName} · {actor?.username}
          </Typography.Text>
          <Button onClick={logout}>退出</Button>
        </Space>
      </Layout.Header>
      {/* antd renders the content as the page's one <main> landmark. */}
      <Layout.Content style={{ padding: 16 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
