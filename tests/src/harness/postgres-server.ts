import { startLocalCluster } from './local-postgres.ts';

export interface TestPostgres {
  /** URL of the server's `postgres` database, as a superuser */
  adminUrl: string;
  source: 'TEST_DATABASE_URL' | 'testcontainers' | 'local binaries';
  stop(): Promise<void>;
}

async function containerRuntimeAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    // Without a runtime this rejects within milliseconds; the timeout guards a hung socket.
    await Promise.race([
      getContainerRuntimeClient(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('probe timed out')), 3000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

/**
 * A real PostgreSQL for the test run, in order of preference: TEST_DATABASE_URL, a container
 * (when a container runtime answers), or a throwaway cluster from the local server binaries.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return { adminUrl: given, source: 'TEST_DATABASE_URL', stop: async () => {} };

  if (await containerRuntimeAnswers()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:15-alpine')
      .withUsername('postgres')
      .withPassword('postgres')
      .withDatabase('postgres')
      .start();
    return {
      adminUrl: container.getConnectionUri(),
      source: 'testcontainers',
      stop: async () => {
        await container.stop();
      },
    };
  }

  const cluster = await startLocalCluster();
  return { adminUrl: cluster.url, source: 'local binaries', stop: cluster.stop };
}
