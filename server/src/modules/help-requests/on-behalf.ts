import { canAtAll, DomainError, type CreateRequestOnBehalfBody, type HelpRequestDetail } from '@board/shared';
import type { SignedInContext } from '../../services/context.ts';
import { recordAudit } from '../audit/record.ts';
import { contentOf } from './content.ts';
import { associationRepository } from '../associations/repository.ts';
import { requestRepository } from './repository.ts';
import { detailIn } from './access.ts';
import { authorize } from '../../services/authorize.ts';
import { insertDraft } from './service.ts';

/**
 * Municipal staff post a request for an association of their municipality whose officers are not
 * online (a phone call, a paper form). Staff are this municipality's reviewers, so it goes onto
 * the board at once, through the lifecycle's `submitAndPublish` step from a draft, in one
 * transaction with its audit entry (`request.create_on_behalf`, with where it came from). It is
 * marked `postedByMunicipality` and shows the municipality's contact desk as its contact; from
 * then on it lives like any other request (its officers, if any, manage it; staff may close it).
 * Refused in a paused municipality (409 MUNICIPALITY_PAUSED).
 */
export async function createRequestOnBehalf(
  ctx: SignedInContext,
  input: CreateRequestOnBehalfBody,
): Promise<HelpRequestDetail> {
  const { actor } = ctx;
  if (!canAtAll(actor, 'request.createOnBehalf')) {
    throw new DomainError('FORBIDDEN', "Only municipal staff post on an association's behalf.");
  }
  const content = await contentOf(input);
  return ctx.door.asActor(actor, async (tx) => {
    // associations are public (the board names them): one of another municipality is 403, not 404
    const association = await associationRepository(tx).find(input.associationId);
    if (!association) throw new DomainError('NOT_FOUND', 'No such association.');
    authorize(actor, 'request.createOnBehalf', "Only this municipality's staff post on its associations' behalf.", {
      municipalityCode: association.municipalityCode,
    });
    const id = await insertDraft(tx, actor, association, input, content, true);
    await requestRepository(tx).transition(id, 'submitAndPublish');
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'request.create_on_behalf',
      municipalityCode: association.municipalityCode,
      subjectType: 'help_request',
      subjectId: id,
      details: {
        title: input.title,
        associationId: association.id,
        associationName: association.name,
        source: input.source,
        to: 'published',
      },
    });
    return detailIn(tx, actor, id);
  });
}
