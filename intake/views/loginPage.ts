/**
 * The staff login page: two fields, the first with focus, one message when it fails (never which
 * half was wrong), and when logins are refused for too many failed attempts, how long to wait.
 */
import { html } from './html';
import { layout } from './layout';

function waitMessage(minutes: number): string {
  return `Te veel mislukte pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`;
}

export function loginPage(input: {
  failed: boolean;
  /** Set when refused by the throttle: whole minutes until a new attempt may succeed. */
  retryAfterMinutes?: number;
  id?: string;
  next?: string;
}): string {
  const message =
    input.retryAfterMinutes !== undefined
      ? waitMessage(input.retryAfterMinutes)
      : 'Inloggen is niet gelukt: controleer uw medewerkerscode en wachtwoord.';
  const body = html`<h1>Inloggen</h1>
    <p>Alleen voor medewerkers van de hulplijn en het CSG.</p>
    ${input.failed ? html`<div class="samenvatting" role="alert" id="login-fout"><p>${message}</p></div>` : ''}
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
