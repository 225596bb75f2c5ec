import { useQuery } from '@tanstack/react-query';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { answer, api } from '../api/client';
import { clearSession } from '../auth/session';

// The menu's own colours for its links (a bare link would be blue on the dark header, too little contrast).
const MENU = [
  {
    key: '/',
    label: (
      <Link to="/" style={{ color: 'inherit' }}>
        待办
      </Link>
    ),
  },
];

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
  const selected = MENU.find((item) => item.key !== '/' && location.pathname.startsWith(item.key))?.key ?? '/';

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
          <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} items={MENU} />
        </nav>
        <Space wrap>
          <Typography.Text style={{ color: '#fff' }} data-testid="current-user">
            {unitName} · {actor?.username}
          </Typography.Text>
          <Button onClick={logout}>退出</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <main>
          <Outlet />
        </main>
      </Layout.Content>
    </Layout>
  );
}
