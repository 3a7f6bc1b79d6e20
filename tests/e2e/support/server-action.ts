import { CookieJar, httpRequest, signInOverHttp, type HttpAnswer } from "./http-client";
import { actionBody, actionId, formOf } from "./server-actions";
import { confirmationLink } from "./sign-up-flow";

// Server actions called over raw HTTP, the way the browser calls them (Next-Action header, the arguments encoded
// by React's own encodeReply), with any session cookie and from any source address: the attacker's view of a
// form, and a way to fire two of them at the same moment. The action ids come from the build the server runs.

/** A prepared form-action request (useActionState's call: previous state, then the form data), ready to send. */
export type PreparedAction = { path: string; headers: Record<string, string>; body: string };

/** Prepares a call of a form action with `fields`, posted to the page at `pagePath`. */
export async function prepareAction(baseURL: string, file: string, name: string, pagePath: string, fields: Record<string, string>): Promise<PreparedAction> {
  const { body, contentType } = await actionBody([{}, formOf(fields)]);
  return {
    path: pagePath,
    body,
    headers: { "next-action": actionId(file, name), "content-type": contentType, origin: baseURL, accept: "text/x-component" },
  };
}

/** Sends a prepared action with the session in `jar`. */
export function sendAction(baseURL: string, action: PreparedAction, jar: CookieJar, from?: string): Promise<HttpAnswer> {
  return httpRequest(`${baseURL}${action.path}`, { method: "POST", headers: action.headers, body: action.body, jar, from });
}

/** Calls a form action once. */
export async function callAction(baseURL: string, jar: CookieJar, file: string, name: string, pagePath: string, fields: Record<string, string>, from?: string): Promise<HttpAnswer> {
  return sendAction(baseURL, await prepareAction(baseURL, file, name, pagePath, fields), jar, from);
}

const MANAGE = "lib/users/manage-actions.ts";

/** An admin changes a user's role, over HTTP. */
export function changeRoleOverHttp(baseURL: string, admin: CookieJar, userId: string, role: "CUSTOMER" | "STAFF" | "ADMIN", from?: string) {
  return callAction(baseURL, admin, MANAGE, "changeRoleAction", "/admin/users", { userId, role }, from);
}

/** An admin deactivates (active false) or reactivates a user, over HTTP. */
export function setActiveOverHttp(baseURL: string, admin: CookieJar, userId: string, active: boolean, from?: string) {
  return callAction(baseURL, admin, MANAGE, "setUserActiveAction", "/admin/users", { userId, active: String(active) }, from);
}

/**
 * Creates a customer account the way a visitor does: the sign-up form's action (from `from`, so its per-address
 * limit is the test's own), then the confirmation link emailed to them. Answers the link's response.
 */
export async function signUpOverHttp(baseURL: string, email: string, password: string, name: string, from?: string): Promise<HttpAnswer> {
  const fields = { name, email, password, confirmPassword: password };
  const asked = await callAction(baseURL, new CookieJar(), "lib/users/actions.ts", "signUpAction", "/signup", fields, from);
  if (asked.status !== 200) return asked;
  return httpRequest(await confirmationLink(baseURL, email), { from });
}

/** The id of the user a session belongs to (next-auth's session endpoint), or null when it is not a live session. */
export async function sessionUserId(baseURL: string, jar: CookieJar, from?: string): Promise<string | null> {
  const answer = await httpRequest(`${baseURL}/api/auth/session`, { jar, from });
  try {
    return (JSON.parse(answer.body) as { user?: { id?: string } } | null)?.user?.id ?? null;
  } catch {
    return null;
  }
}

/** Signs in over HTTP and fails loudly when that does not work. */
export async function signedIn(baseURL: string, email: string, password: string, from?: string): Promise<CookieJar> {
  const answer = await signInOverHttp(baseURL, email, password, { from });
  if (!answer.ok) throw new Error(`sign-in of ${email} failed: ${answer.error}`);
  return answer.jar;
}

/** Signs out over HTTP through next-auth's endpoint (CSRF token, then the POST), as the header's button does. */
export async function signOutOverHttp(baseURL: string, jar: CookieJar, from?: string): Promise<HttpAnswer> {
  const csrf = await httpRequest(`${baseURL}/api/auth/csrf`, { jar, from });
  const csrfToken = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const body = new URLSearchParams({ csrfToken, callbackUrl: `${baseURL}/`, json: "true" }).toString();
  return httpRequest(`${baseURL}/api/auth/signout`, { method: "POST", jar, from, body, headers: { "content-type": "application/x-www-form-urlencoded" } });
}
