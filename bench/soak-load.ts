import autocannon from 'autocannon';

/**
 * The soak run's load process: mixed API traffic with autocannon from a process of its own, so the
 * load generator never competes with the engine's event loop. Prints one JSON line of results.
 * Arguments: base URL, seconds, then a JSON list of { token, taskIds }.
 */
interface Caller {
  token: string;
  taskIds: string[];
}

async function main(): Promise<void> {
  const [url, seconds, callersJson] = process.argv.slice(2);
  const callers = JSON.parse(callersJson) as Caller[];
  let turn = 0;
  const next = () => callers[turn++ % callers.length];
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)];
  const withToken = (token: string, request: { method: 'GET' | 'POST'; path: string; body?: string }) => ({
    ...request,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  const latencies: number[] = [];
  const options: autocannon.Options = {
    url,
    connections: 8,
    duration: Number(seconds),
    requests: [
      {
        // Each request is chosen at random: the inbox, a task, the notices, or a reminder (a write).
        setupRequest: () => {
          const caller = next();
          const roll = Math.random();
          if (roll < 0.4) return withToken(caller.token, { method: 'GET', path: '/tasks?scope=mine&pageSize=20' });
          if (roll < 0.7) return withToken(caller.token, { method: 'GET', path: `/tasks/${pick(caller.taskIds)}` });
          if (roll < 0.9) return withToken(caller.token, { method: 'GET', path: '/notices?pageSize=20' });
          return withToken(callers[0].token, {
            method: 'POST',
            path: `/tasks/${pick(callers[0].taskIds)}/actions/remind`,
            body: JSON.stringify({ message: '请加快进度（压力测试）' }),
          });
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: Error | null, finished: autocannon.Result) =>
      error ? reject(error) : resolve(finished),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ?? 0;
  const statuses = { '2xx': result['2xx'], '4xx': result['4xx'], '5xx': result['5xx'] };
  process.stdout.write(
    `${JSON.stringify({ requests: result.requests.total, errors: result.errors, timeouts: result.timeouts, statuses, p50: percentile(50), p95: percentile(95), p99: percentile(99) })}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
