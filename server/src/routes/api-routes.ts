import type { FastifyPluginAsync } from 'fastify';
import applicationRoutes from '../modules/applications/routes.ts';
import associationRoutes from '../modules/associations/routes.ts';
import auditRoutes from '../modules/audit/routes.ts';
import authRoutes from '../modules/auth/routes.ts';
import completionRoutes from '../modules/completion/routes.ts';
import deliveryRoutes from '../modules/deliveries/routes.ts';
import devMailRoutes from '../modules/dev-mail/routes.ts';
import flagRoutes from '../modules/flags/routes.ts';
import healthRoutes from '../modules/health/routes.ts';
import helpRequestRoutes from '../modules/help-requests/routes.ts';
import invitationRoutes from '../modules/invitations/routes.ts';
import matchingRoutes from '../modules/matching/routes.ts';
import meRoutes from '../modules/me/routes.ts';
import messageRoutes from '../modules/messages/routes.ts';
import moderationRoutes from '../modules/moderation/routes.ts';
import municipalityRoutes from '../modules/municipalities/routes.ts';
import oversightRoutes from '../modules/oversight/routes.ts';
import volunteerRoutes from '../modules/volunteers/routes.ts';
import skillRoutes from '../modules/skills/routes.ts';
import helpInvitationRoutes from '../modules/help-invitations/routes.ts';
import notificationRoutes from '../modules/notifications/routes.ts';
import figureRoutes from '../modules/figures/routes.ts';
import calendarRoutes from '../modules/calendar/routes.ts';
import storyRoutes from '../modules/stories/routes.ts';
import printRoutes from '../modules/flyers/routes.ts';

/**
 * Every module's routes (`modules/<area>/routes.ts`), registered by buildApp in this order. A new
 * module adds its line here; each lists its routes with defineRoutes() (define-routes.ts).
 */
export const apiRoutes: FastifyPluginAsync[] = [
  healthRoutes,
  municipalityRoutes,
  meRoutes,
  associationRoutes,
  invitationRoutes,
  auditRoutes,
  applicationRoutes,
  messageRoutes,
  completionRoutes,
  flagRoutes,
  volunteerRoutes,
  authRoutes,
  devMailRoutes,
  helpRequestRoutes,
  moderationRoutes,
  oversightRoutes,
  deliveryRoutes,
  matchingRoutes,
  skillRoutes,
  helpInvitationRoutes,
  notificationRoutes,
  figureRoutes,
  calendarRoutes,
  storyRoutes,
  printRoutes,
];
