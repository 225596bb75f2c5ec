import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createBrowserRouter, redirect, RouterProvider } from 'react-router';
import { whenSessionExpires } from './api/client';
import { loginPath, readSession } from './auth/session';
import { LoginPage } from './pages/LoginPage';

dayjs.locale('zh-cn');

const BASENAME = '/console';

/** The path and query the user is on, inside the console (without /console). */
function consolePath(url: URL): string {
  const path = url.pathname.startsWith(BASENAME) ? url.pathname.slice(BASENAME.length) || '/' : url.pathname;
  return path + url.search;
}

const router = createBrowserRouter(
  [
    { path: '/login', Component: LoginPage },
    {
      path: '/',
      // Before any of the signed-in pages loads: no token, no page.
      loader: ({ request }) => (readSession() ? null : redirect(loginPath(consolePath(new URL(request.url))))),
      lazy: () => import('./pages/Frame').then(({ Frame }) => ({ Component: Frame })),
      children: [
        { index: true, lazy: () => import('./pages/InboxPage').then(({ InboxPage }) => ({ Component: InboxPage })) },
        {
          path: 'board',
          lazy: () => import('./pages/BoardPage').then(({ BoardPage }) => ({ Component: BoardPage })),
        },
        {
          path: 'board/tasks',
          lazy: () => import('./pages/BoardPage').then(({ BoardTasksPage }) => ({ Component: BoardTasksPage })),
        },
        {
          path: 'statistics',
          lazy: () => import('./pages/LeadershipPage').then(({ LeadershipPage }) => ({ Component: LeadershipPage })),
        },
        {
          path: 'admin/users',
          lazy: () => import('./pages/AdminUsersPage').then(({ AdminUsersPage }) => ({ Component: AdminUsersPage })),
        },
        {
          path: 'documents',
          lazy: () => import('./pages/DocumentsPage').then(({ DocumentsPage }) => ({ Component: DocumentsPage })),
        },
        {
          path: 'notices',
          lazy: () => import('./pages/NoticesPage').then(({ NoticesPage }) => ({ Component: NoticesPage })),
        },
        {
          path: 'tasks/:id',
          lazy: () => import('./pages/TaskPage').then(({ TaskPage }) => ({ Component: TaskPage })),
        },
        { path: '*', lazy: () => import('./pages/NotFound').then(({ NotFound }) => ({ Component: NotFound })) },
      ],
    },
  ],
  { basename: BASENAME },
);

// Several requests can be refused at once: the first one leaves for the login page, keeping where the user was.
whenSessionExpires(() => {
  const here = consolePath(new URL(window.location.href));
  if (!here.startsWith('/login')) void router.navigate(loginPath(here), { replace: true });
});

const queries = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

export function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      // antd's defaults (blue #1677ff, red #ff4d4f, grey text at 45 %) fall short of WCAG AA's 4.5:1 contrast.
      theme={{
        token: {
          colorPrimary: '#0958d9',
          colorLink: '#0958d9',
          colorError: '#cf1322',
          colorSuccess: '#237804',
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
        },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queries}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
