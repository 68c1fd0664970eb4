/**
 * The case page's "Tweede ring" section: the second-ring partners the case's region names (its
 * directory, regions/), each with whether the victim's consent for it is recorded and a button to
 * ask it (the decision `tweede_ring`, through the confirmation step like every decision); the
 * second-ring requests already asked, with where they stand. For a minor it suggests the Veilig
 * Thuis consultation (the meldcode's anonymous exception, domain/secondRing.ts) and, where the
 * region names one, the kinderarts; and it shows the parent or guardian the intake recorded.
 *
 * The minor's age and the guardian come from `current`: the victim's details, which the case page
 * only has for a role that sees contact details. Personal: onto the page only.
 */
import { formatLocal } from '../../domain/localTime';
import { isAnonymousConsultation, isMinor, isUnderWay } from '../../domain/secondRing';
import type { SharedDetails } from '../../domain/types';
import { SECOND_RING_ROLES, type PartnerRole, type SecondRingRole } from '../../domain/vocabulary';
import { wordsOr, type Translate } from '../../i18n';
import { REGIONS } from '../../regions';
import type { CaseState, RequestView } from '../../workflows/messages';
import { html, type SafeHtml } from '../kit/html';
import { scrollingTable } from '../kit/table';

export interface SecondRingSectionInput {
  state: CaseState;
  csrfToken: string;
  /** Whether the signed-in role may ask (the decision `tweede_ring`): else no buttons. */
  mayAsk: boolean;
  /** A closed (or archived) case asks nobody: the list stays, the buttons go. */
  closed: boolean;
  /** The victim's details as they stand, for a role that sees them. */
  current?: SharedDetails;
  t: Translate;
}

/** The consent for `role` as the case's history last recorded it; undefined when never recorded. */
function consentFor(state: CaseState, role: PartnerRole): boolean | undefined {
  const last = state.decisions
    .filter((d) => d.type === 'toestemming' && d.value.startsWith(`${role}: `))
    .at(-1);
  return last ? last.value.endsWith(': gegeven') : undefined;
}

/** The roles of the second ring the case's region names, in the vocabulary's order. */
function regionPartners(regionId: string) {
  const partners = REGIONS.get(regionId)?.partners ?? {};
  return SECOND_RING_ROLES.flatMap((role) => {
    const entry = partners[role];
    return entry ? [{ role, organisation: entry.organisation }] : [];
  });
}

function requestUnderWay(state: CaseState, role: SecondRingRole): RequestView | undefined {
  return state.requests.find((r) => r.kind === 'tweede_ring' && r.role === role && isUnderWay(r));
}

/** Whether the victim is a minor, as far as this page can know (only with the details). */
function minor(current: SharedDetails | undefined): boolean {
  return current?.victimAge !== undefined && isMinor(current.victimAge);
}

/** What asking this partner will do, for the confirmation step. */
export function secondRingEffect(t: Translate, role: string, state: CaseState): string {
  const anonymous = role === 'veilig_thuis' && consentFor(state, 'veilig_thuis') !== true;
  return anonymous
    ? t('tweedeRing.effectAnonymous')
    : t('tweedeRing.effect', { role: wordsOr(t, `request.roles.${role}`, role) });
}

function askButton(
  input: SecondRingSectionInput,
  role: SecondRingRole,
  anonymous: boolean,
): SafeHtml | string {
  const { t, state } = input;
  if (requestUnderWay(state, role)) return t('tweedeRing.alreadyOpen');
  if (!anonymous && consentFor(state, role) !== true) return t('tweedeRing.needsConsent');
  return html`<form
    method="post"
    action="/meldingen/${state.reference}/besluiten/tweede_ring/controleren"
    id="tweede-ring-${role}"
  >
    <input type="hidden" name="_csrf" value="${input.csrfToken}" />
    <input type="hidden" name="role" value="${role}" />
    <button
      class="utrecht-button utrecht-button--secondary-action"
      type="submit"
      id="tweede_ring-${role}-vragen"
    >
      ${anonymous ? t('tweedeRing.askAnonymous') : t('tweedeRing.ask', { role: t(`request.roles.${role}`) })}
    </button>
  </form>`;
}

function consentWords(t: Translate, given: boolean | undefined): string {
  if (given === undefined) return t('tweedeRing.consentNone');
  return t(given ? 'tweedeRing.consentGiven' : 'tweedeRing.consentWithdrawn');
}

function partnersTable(input: SecondRingSectionInput): SafeHtml {
  const { t, state } = input;
  const partners = regionPartners(state.regionId);
  if (partners.length === 0) {
    return html`<p class="utrecht-paragraph" id="tweede_ring-role">${t('tweedeRing.noPartners')}</p>`;
  }
  const asking = input.mayAsk && !input.closed;
  const vt = consentFor(state, 'veilig_thuis');
  const consents = vt === undefined ? {} : { veilig_thuis: vt };
  return scrollingTable(
    t('tweedeRing.caption'),
    html`<table class="utrecht-table utrecht-table--html-table" id="tweede_ring-role">
      <thead>
        <tr>
          <th scope="col">${t('tweedeRing.colPartner')}</th>
          <th scope="col">${t('tweedeRing.colOrganisation')}</th>
          <th scope="col">${t('tweedeRing.colConsent')}</th>
          ${asking ? html`<th scope="col">${t('tweedeRing.colAsk')}</th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${partners.map(({ role, organisation }) => {
          const anonymous =
            input.current?.victimAge !== undefined &&
            isAnonymousConsultation(role, input.current.victimAge, consents);
          return html`<tr id="tweede-ring-partner-${role}">
            <td>${t(`request.roles.${role}`)}</td>
            <td>${organisation}</td>
            <td>${consentWords(t, consentFor(state, role))}</td>
            ${asking ? html`<td>${askButton(input, role, anonymous)}</td>` : ''}
          </tr>`;
        })}
      </tbody>
    </table>`,
  );
}

/** For a minor: the Veilig Thuis consultation, and the kinderarts where the region names one. */
function minorHints(input: SecondRingSectionInput): SafeHtml | string {
  if (!minor(input.current)) return '';
  const { t, state } = input;
  const roles = regionPartners(state.regionId).map((p) => p.role);
  return html`<div class="utrecht-alert" id="tweede-ring-minderjarig">
    ${roles.includes('veilig_thuis') ? html`<p class="utrecht-paragraph">${t('tweedeRing.minorHint')}</p>` : ''}
    ${
      roles.includes('kinderarts')
        ? html`<p class="utrecht-paragraph">${t('tweedeRing.minorKinderarts')}</p>`
        : ''
    }
    <p class="utrecht-paragraph" id="ouder-voogd">
      <strong>${t('tweedeRing.guardianTitle')}:</strong>
      ${
        input.current?.guardian
          ? t('tweedeRing.guardianText', {
              relation: t(`tweedeRing.relations.${input.current.guardian.relation}`),
              name: input.current.guardian.name,
              phone: input.current.guardian.phone ?? '',
            })
          : t('tweedeRing.guardianNone')
      }
    </p>
  </div>`;
}

function taskWords(t: Translate, r: RequestView): string {
  const status = wordsOr(t, `caseWords.statuses.${r.status}`, r.status);
  return r.task ? `${status}; ${wordsOr(t, `tasks.states.${r.task.state}`, r.task.state)}` : status;
}

function askedTable(t: Translate, state: CaseState): SafeHtml {
  const asked = state.requests.filter((r) => r.kind === 'tweede_ring');
  if (asked.length === 0) {
    return html`<p class="utrecht-paragraph" id="tweede-ring-gevraagd">${t('tweedeRing.noneAsked')}</p>`;
  }
  return scrollingTable(
    t('tweedeRing.askedTitle'),
    html`<table class="utrecht-table utrecht-table--html-table" id="tweede-ring-gevraagd">
      <thead>
        <tr>
          <th scope="col">${t('tweedeRing.colPartner')}</th>
          <th scope="col">${t('tweedeRing.colAsked')}</th>
          <th scope="col">${t('tweedeRing.colState')}</th>
          <th scope="col">${t('tweedeRing.colSharing')}</th>
        </tr>
      </thead>
      <tbody>
        ${asked.map(
          (r) =>
            html`<tr id="tweede-ring-${r.requestId}">
              <td>${t(`request.roles.${r.role}`)}</td>
              <td>${formatLocal(r.requestedAt)}</td>
              <td>${taskWords(t, r)}</td>
              <td>${r.sharing ? wordsOr(t, `privacy.sharing.${r.sharing}`, r.sharing) : ''}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

export function secondRingSection(input: SecondRingSectionInput): SafeHtml {
  const { t, state } = input;
  return html`<section aria-labelledby="tweede-ring-titel" id="tweede-ring">
    <h2 class="utrecht-heading-2" id="tweede-ring-titel">${t('tweedeRing.title')}</h2>
    <p class="utrecht-paragraph hint">${t('tweedeRing.intro')}</p>
    ${minorHints(input)} ${partnersTable(input)}
    <h3 class="utrecht-heading-3">${t('tweedeRing.askedTitle')}</h3>
    ${askedTable(t, state)}
  </section>`;
}
