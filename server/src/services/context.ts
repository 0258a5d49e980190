import type { Database } from '@board/db';
import { DomainError, type Actor } from '@board/shared';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config.ts';
import { databaseDoor, type DatabaseDoor } from '../database/door.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Mailer } from '../plugins/app/mailer.ts';

/**
 * What a service needs from the outside world, and nothing of Fastify: who acts, the one door to
 * the database, mail, configuration, a clock and a logger. Routes build it (`serviceContext`,
 * `signedInContext`) and pass it on; jobs build theirs with `systemContext`.
 */
export interface ServiceContext<A extends Actor | null = Actor | null> {
  actor: A;
  door: DatabaseDoor;
  mailer: Mailer;
  /** the durable job queue: mail and timers (jobs/queue.ts) */
  jobs: JobQueue;
  config: AppConfig;
  /** what time it is for the service's decisions (deadlines, lifetimes, days waiting); a test may bring its own */
  clock: () => Date;
  log: FastifyBaseLogger;
  /** the connection of the system-only counter table (limits/), outside any transaction */
  counters: Database;
}

/** A service for signed-in people only. */
export type SignedInContext = ServiceContext<Actor>;

const built = new WeakMap<FastifyRequest, ServiceContext>();

/** What a context is made of; the app has all of it, a script or test may bring its own. */
export interface ServiceDependencies {
  db: Database;
  mailer: Mailer;
  jobs: JobQueue;
  config: AppConfig;
}

export function contextFor<A extends Actor | null>(
  dependencies: ServiceDependencies,
  actor: A,
  log: FastifyBaseLogger,
  clock: () => Date = () => new Date(),
): ServiceContext<A> {
  return {
    actor,
    door: databaseDoor(dependencies.db, log),
    mailer: dependencies.mailer,
    jobs: dependencies.jobs,
    config: dependencies.config,
    clock,
    log,
    counters: dependencies.db,
  };
}

/** The context of this request (built once per request): its actor may be a visitor (null). */
export function serviceContext(request: FastifyRequest): ServiceContext {
  let context = built.get(request);
  if (!context) {
    context = contextFor(request.server, request.actor, request.log);
    built.set(request, context);
  }
  return context;
}

/** The context of a signed-in request, or a 401. */
export function signedInContext(request: FastifyRequest): SignedInContext {
  const context = serviceContext(request);
  if (!context.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  return context as SignedInContext;
}

/** For work nobody asked for in a request (jobs, start-up): no actor, the app's logger. */
export function systemContext(app: FastifyInstance): ServiceContext<null> {
  return contextFor(app, null, app.log);
}
