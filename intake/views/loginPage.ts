/** The staff login page: two fields, the first with focus, one message when it fails (never which half was wrong). */
import { html } from './html';
import { layout } from './layout';

export function loginPage(input: { failed: boolean; id?: string; next?: string }): string {
  const body = html`<h1>Inloggen</h1>
    <p>Alleen voor medewerkers van de hulplijn en het CSG.</p>
    ${input.failed ? html`<div class="samenvatting" role="alert" id="login-fout"><p>Inloggen is niet gelukt: controleer uw medewerkerscode en wachtwoord.</p></div>` : ''}
    <form method="post" action="/inloggen">
      <input type="hidden" name="next" value="${input.next ?? ''}" />
      <label for="id">Medewerkerscode</label>
      <input
        type="text"
        id="id"
        name="id"
        value="${input.id ?? ''}"
        autocomplete="username"
        autofocus
        required${input.failed ? html` aria-describedby="login-fout"` : ''}
      />
      <label for="wachtwoord">Wachtwoord</label>
      <input type="password" id="wachtwoord" name="wachtwoord" autocomplete="current-password" required />
      <p><button type="submit">Inloggen</button></p>
    </form>`;
  return layout({ title: input.failed ? 'Fout: inloggen' : 'Inloggen', body });
}
