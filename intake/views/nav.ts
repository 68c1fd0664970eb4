/** The staff bar on staff pages: who is logged in, a new intake, and logging out (a form: it changes state). */
import { html, type SafeHtml } from './html';

export function staffNav(staffId: string, csrfToken: string): SafeHtml {
  return html`<nav aria-label="Medewerker">
    <span>Ingelogd als ${staffId}</span>
    <a href="/meldingen/nieuw">Nieuwe melding</a>
    <form method="post" action="/uitloggen">
      <input type="hidden" name="_csrf" value="${csrfToken}" /><button type="submit">Uitloggen</button>
    </form>
  </nav>`;
}
