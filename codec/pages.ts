/** The codec server's two pages: the ops login and a short message, in the intake's page frame. */
import { html } from '../intake/views/html';
import { layout } from '../intake/views/layout';
import { messagePage } from '../intake/views/messagePage';

export function codecLoginPage(input: { failed: boolean; retryAfterMinutes?: number }): string {
  const message =
    input.retryAfterMinutes !== undefined
      ? `Te veel mislukte pogingen. Probeer het over ${input.retryAfterMinutes} min. opnieuw.`
      : 'Inloggen is niet gelukt: controleer uw ops-code en wachtwoord.';
  const body = html`<h1>Inloggen: gegevens leesbaar in de Temporal UI</h1>
    <p>
      Alleen voor ops-medewerkers. Elke keer dat gegevens leesbaar worden gemaakt, wordt vastgelegd wie dat
      deed.
    </p>
    ${input.failed ? html`<div class="samenvatting" role="alert" id="login-fout"><p>${message}</p></div>` : ''}
    <form method="post" action="/inloggen">
      <label for="id">Ops-code</label>
      <input type="text" id="id" name="id" autocomplete="username" autofocus required />
      <label for="wachtwoord">Wachtwoord</label>
      <input type="password" id="wachtwoord" name="wachtwoord" autocomplete="current-password" required />
      <p><button type="submit">Inloggen</button></p>
    </form>`;
  return layout({ title: input.failed ? 'Fout: inloggen' : 'Inloggen', body });
}

export const codecMessagePage = (title: string, message: string) => messagePage(title, message);
