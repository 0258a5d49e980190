export * from './access-context.ts';
export * from './app-connection.ts';
export * from './client.ts';
export * from './job-queue.ts';
export * from './migrate.ts';
export * as schema from './schema/index.ts';
