import { Button, Result } from 'antd';
import { Link } from 'react-router';

export function NotFound({ title = '页面不存在' }: { title?: string }) {
  return (
    <Result
      status="404"
      title="404"
      subTitle={title}
      extra={
        <Link to="/">
          <Button type="primary">返回待办</Button>
        </Link>
      }
    />
  );
}
