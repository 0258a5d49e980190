import {
  Association,
  AssociationList,
  AssociationOfficerList,
  AssociationOfficerParams,
  CreateAssociationBody,
  IdParams,
  ListAssociationsQuery,
} from '@board/shared';
import { createAssociation, listAssociationOfficers, listAssociations, removeAssociationOfficer } from './service.ts';
import { byBody, byId, byQuery, defineRoutes, NoContent, route } from '../../routes/define-routes.ts';

/** Associations (町会・自治会) and their officers, managed by their municipality's staff. */
export default defineRoutes('associations', {
  createAssociation: route('POST /api/associations', {
    summary: 'Register a 町会・自治会 in your municipality (municipal staff)',
    input: { body: CreateAssociationBody },
    response: { 201: Association },
    errors: [403, 404, 409],
    handler: byBody(createAssociation),
  }),
  listAssociations: route('GET /api/associations', {
    summary: 'Associations you manage: your municipality’s (staff), all (foundation) or your own (officers)',
    input: { query: ListAssociationsQuery },
    response: { 200: AssociationList },
    errors: [403],
    handler: byQuery(listAssociations),
  }),
  listAssociationOfficers: route('GET /api/associations/:id/officers', {
    summary: "The association's officers, by name (its municipality's staff, foundation staff, its officers)",
    input: { params: IdParams },
    response: { 200: AssociationOfficerList },
    errors: [403],
    handler: byId(listAssociationOfficers),
  }),
  removeAssociationOfficer: route('POST /api/associations/:id/officers/:userId/remove', {
    summary: "Take the officer role away from someone who left the association (the municipality's staff)",
    description:
      'The account stays; every session of it ends, so the person can no longer act for the association from the next request. Audit-logged as role.remove.',
    input: { params: AssociationOfficerParams },
    response: { 204: NoContent },
    errors: [403],
    handler: async (context, { params }) => {
      await removeAssociationOfficer(context, params.id, params.userId);
      return null;
    },
  }),
});
