import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, answer, EngineRequestError } from '../api/client';
import { safeReturnPath, saveSession } from '../auth/session';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signIn = async (credentials: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const { accessToken, expiresIn } = await answer(api.POST('/auth/login', { body: credentials }));
      saveSession(accessToken, expiresIn);
      await navigate(safeReturnPath(search.get('next')), { replace: true });
    } catch (failure) {
      setError(failure instanceof EngineRequestError ? failure.message : '无法连接服务，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16, background: '#f0f2f5' }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
          督查督办系统
        </Typography.Title>
        {search.get('next') && (
          <Alert type="info" showIcon title="登录已失效或尚未登录，请重新登录" style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form<Credentials> layout="vertical" onFinish={signIn} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
