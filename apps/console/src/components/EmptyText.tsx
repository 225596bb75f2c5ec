/** An empty list's words in readable grey (antd's placeholder grey falls short of WCAG AA contrast). */
export function EmptyText({ children }: { children: string }) {
  return <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{children}</span>;
}
