import { html, page } from "../lib/html";
import type { ApiClient, Tenant } from "../model/tenant";

const brand = html`<header class="wd-brand"><span class="wd-logo" aria-hidden="true">W</span> workday.</header>`;

export function signInPage(tenant: Tenant, pendingId: string, error?: string): string {
  return page(
    "Workday Sign In",
    html`${brand}
<main class="signin">
  <h1>Sign In</h1>
  <p class="tenant">Tenant: <strong>${tenant.name}</strong></p>
  ${error ? html`<p class="alert" role="alert">${error}</p>` : ""}
  <form method="post" action="/${tenant.name}/authorize/sign-in">
    <input type="hidden" name="pending" value="${pendingId}">
    <label for="username">Username</label>
    <input id="username" name="username" type="text" autocomplete="username" required>
    <label for="password">Password</label>
    <input id="password" type="password" name="password" autocomplete="current-password" required>
    <button type="submit">Sign In</button>
  </form>
</main>`,
  );
}

export function consentPage(tenant: Tenant, client: ApiClient, pendingId: string, username: string): string {
  return page(
    "Workday Authorization",
    html`${brand}
<main class="consent">
  <h1>${client.clientName} would like to access your Workday account</h1>
  <p>Signed in as <strong>${username}</strong> in tenant <strong>${tenant.name}</strong>.</p>
  <p>${client.clientName} will be able to use these functional areas on your behalf:</p>
  <ul class="scopes">${client.scopes.map((s) => html`<li>${s}</li>`)}</ul>
  <form method="post" action="/${tenant.name}/authorize/consent">
    <input type="hidden" name="pending" value="${pendingId}">
    <button type="submit" name="decision" value="allow" class="primary">Allow</button>
    <button type="submit" name="decision" value="deny">Deny</button>
  </form>
</main>`,
  );
}

export function oauthErrorPage(title: string, message: string): string {
  return page(`Workday: ${title}`, html`${brand}<main class="error"><h1>${title}</h1><p>${message}</p></main>`);
}

/** The company's identity provider. It never hands back to Workday: that is the point of redirect=n. */
export function identityProviderPage(tenant: Tenant, note?: string): string {
  return page(
    `${tenant.companyName} single sign-on`,
    html`<main class="idp">
  <h1>${tenant.companyName} single sign-on</h1>
  <p>Sign in with your corporate account to continue to Workday.</p>
  ${note ? html`<p class="alert" role="alert">${note}</p>` : ""}
  <form method="post" action="/_sim/idp/${tenant.name}">
    <label for="idp-email">Email</label>
    <input id="idp-email" name="email" type="email">
    <label for="idp-password">Password</label>
    <input id="idp-password" type="password" name="password">
    <button type="submit">Next</button>
  </form>
  <p class="hint">Simulated identity provider: it never returns an authorization code. Add redirect=n to the
  authorization URL to use Workday's own sign-in page.</p>
</main>`,
  );
}
