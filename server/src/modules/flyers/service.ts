import { BoardQuery, DomainError, tokyoDayStart, type HelpRequestPublic, type Language } from '@board/shared';
import { formatWhen } from '../../mail/format.ts';
import { formatWorkWhen } from '../../mail/calendar-mails.ts';
import { publicLink, webPages } from '../../links/public-links.ts';
import type { ServiceContext } from '../../services/context.ts';
import { getRequest, listRequests } from '../help-requests/board.ts';
import { municipalityRepository } from '../municipalities/repository.ts';
import { escapeHtml, printablePage, rubyHtml, qrCode, shortened, userText } from './html.ts';
import { fill, printTexts, type PrintTexts } from './texts.ts';

/** Open requests on a ward's sheet for the 回覧板 (two columns of four on one A4 page). */
export const sheetSize = 8;
/** Characters of a request's body on its flyer; the rest is on its page. */
const flyerBodyLength = 320;

/** When the work is, in the reader's language. */
function whenText(when: HelpRequestPublic['when'], language: Language, words: PrintTexts['flyer']): string {
  if (when.kind === 'flexible') return words.whenFlexible;
  if (when.kind === 'day') {
    return formatWorkWhen({ whenKind: 'day', startsAt: tokyoDayStart(when.day).toISOString(), endsAt: null }, language);
  }
  return formatWorkWhen(
    { whenKind: when.kind, startsAt: when.startsAt, endsAt: when.kind === 'range' ? when.endsAt : null },
    language,
  );
}

interface Place {
  code: string;
  nameJa: string;
  nameEn: string;
  nameKana: string;
}

/** A municipality's name as its reader knows it: in English, or in Japanese with its reading in やさしい日本語. */
function placeName(place: Place, language: Language, html = true): string {
  if (language === 'en') return html ? escapeHtml(place.nameEn) : place.nameEn;
  if (!html) return place.nameJa;
  return language === 'ja-easy' ? rubyHtml(place.nameJa, place.nameKana) : escapeHtml(place.nameJa);
}

const row = (term: string, value: string) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`;

/**
 * A published request's flyer: one A4 page with its title, what is needed, when, the area and the
 * association, a QR code and the address of its page. Only what the board shows anyone: never the
 * exact place nor a contact, whoever prints it. 404 for a request that is not open on the board.
 */
export async function requestFlyer(ctx: ServiceContext, id: string, language: Language): Promise<string> {
  const request = await getRequest(ctx, id);
  if (request.status !== 'published' || request.hidden) {
    throw new DomainError('NOT_FOUND', 'Only a request open on the board has a flyer.');
  }
  const { common, flyer } = printTexts(language);
  const url = publicLink(ctx.config, webPages.request(request.id));
  const summary = language === 'en' ? request.summaryEn : language === 'ja-easy' ? request.summaryJaEasy : '';
  const body = shortened(request.body, flyerBodyLength);
  const facts = [
    row(flyer.when, escapeHtml(whenText(request.when, language, flyer))),
    row(flyer.area, request.online ? escapeHtml(flyer.online) : userText(request.area, null, language)),
    row(flyer.people, escapeHtml(fill(flyer.peopleValue, { count: request.slots }))),
    request.estimatedHours === null
      ? ''
      : row(flyer.hours, escapeHtml(fill(flyer.hoursValue, { hours: request.estimatedHours }))),
    row(flyer.expenses, escapeHtml(request.expensesCovered ? flyer.expensesCovered : flyer.expensesNotCovered)),
    request.applicationDeadline
      ? row(flyer.deadline, escapeHtml(formatWhen(new Date(request.applicationDeadline), language)))
      : '',
    request.skills.length ? row(flyer.skills, userText(request.skills.join('、'), null, language)) : '',
    row(
      flyer.association,
      `${userText(request.associationName, request.associationNameRuby, language)}（${escapeHtml(
        language === 'en' ? request.municipalityNameEn : request.municipalityName,
      )}）`,
    ),
  ].join('');
  const main = `<p class="kicker">${escapeHtml(flyer.kicker)}</p>
<h1>${userText(request.title, request.titleRuby, language)}</h1>
${summary ? `<p class="body">${escapeHtml(summary)}</p>` : ''}
<h2>${escapeHtml(flyer.whatNeeded)}</h2>
<p class="body">${body.cut ? userText(body.text, null, language) : userText(request.body, request.bodyRuby, language)}</p>
${body.cut ? `<p class="note">${escapeHtml(flyer.more)}</p>` : ''}
<dl class="facts">${facts}</dl>
<div class="scan">${await qrCode(url, flyer.qrLabel)}<div><p><strong>${escapeHtml(flyer.scanToApply)}</strong></p>
<p>${escapeHtml(common.orVisit)}</p><p class="url">${escapeHtml(url)}</p></div></div>
<p class="note">${escapeHtml(common.contactNote)}</p>
<p class="site">${escapeHtml(common.site)}</p>`;
  return printablePage({
    language,
    title: fill(flyer.documentTitle, { title: request.title }),
    back: webPages.request(request.id),
    main,
  });
}

/** An active municipality, or NOT_FOUND. */
async function activeMunicipality(ctx: ServiceContext, code: string): Promise<Place> {
  const found = await ctx.door.asActor(ctx.actor, (tx) => municipalityRepository(tx).find(code));
  if (!found || found.status !== 'active') throw new DomainError('NOT_FOUND', 'No such active municipality.');
  return found;
}

/**
 * A ward's sheet for the 回覧板: up to eight of its requests open for hands (soonest deadline
 * first), each with a QR code to its page, and a QR code to the ward's board.
 */
export async function municipalitySheet(ctx: ServiceContext, code: string, language: Language): Promise<string> {
  const place = await activeMunicipality(ctx, code);
  const query = BoardQuery.parse({ municipalities: code, openOnly: '1', sort: 'deadline', limit: String(sheetSize) });
  const { items } = await listRequests(ctx, query);
  const { common, sheet, flyer } = printTexts(language);
  const name = placeName(place, language);
  const cards = await Promise.all(
    items.map(async (request) => {
      const url = publicLink(ctx.config, webPages.request(request.id));
      return `<li data-request-id="${escapeHtml(request.id)}">${await qrCode(url, fill(sheet.requestQr, { title: request.title }), 'qr-small')}<div>
<h2>${userText(shortened(request.title, 60).text, shortened(request.title, 60).cut ? null : request.titleRuby, language)}</h2>
<p>${escapeHtml(sheet.when)}${escapeHtml(whenText(request.when, language, flyer))}</p>
<p>${escapeHtml(sheet.association)}${userText(request.associationName, request.associationNameRuby, language)}</p></div></li>`;
    }),
  );
  const boardUrl = publicLink(ctx.config, webPages.board, { municipalities: code });
  const main = `<h1>${fill(escapeHtml(sheet.heading), { municipality: name })}</h1>
<p>${escapeHtml(sheet.intro)}</p>
${items.length ? `<ul class="requests">${cards.join('\n')}</ul>` : `<p class="body">${escapeHtml(sheet.empty)}</p>`}
<div class="scan">${await qrCode(boardUrl, fill(sheet.boardQr, { municipality: placeName(place, language, false) }))}<div>
<p><strong>${fill(escapeHtml(sheet.boardHeading), { municipality: name })}</strong></p><p>${escapeHtml(sheet.boardText)}</p>
<p class="url">${escapeHtml(boardUrl)}</p></div></div>
<p class="site">${escapeHtml(common.site)}</p>`;
  return printablePage({
    language,
    title: fill(sheet.documentTitle, { municipality: placeName(place, language, false) }),
    back: `${webPages.board}?municipalities=${code}`,
    main,
  });
}

/** A poster inviting a ward's residents to sign up as volunteers, with a QR code to the sign-up page. */
export async function volunteerPoster(ctx: ServiceContext, code: string, language: Language): Promise<string> {
  const place = await activeMunicipality(ctx, code);
  const { common, poster } = printTexts(language);
  const url = publicLink(ctx.config, webPages.signUp);
  const main = `<div class="poster"><p class="kicker">${fill(escapeHtml(poster.subheading), { municipality: placeName(place, language) })}</p>
<h1>${escapeHtml(poster.heading)}</h1>
<div class="lines">${poster.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}</div>
<div class="scan">${await qrCode(url, poster.qrLabel)}<div><p><strong>${escapeHtml(poster.scanToJoin)}</strong></p>
<p>${escapeHtml(common.orVisit)}</p><p class="url">${escapeHtml(url)}</p></div></div>
<p class="site">${escapeHtml(common.site)}</p></div>`;
  return printablePage({
    language,
    title: fill(poster.documentTitle, { municipality: placeName(place, language, false) }),
    back: webPages.signUp,
    main,
  });
}
