import { renderEmail, type RenderedEmail } from "@/lib/notifications/templates";

// The emails that carry a single-use link (lib/users/tokens.ts). The link is absolute, built from the
// configured public URL (appOrigin), never from a request's Host header.

/** To a user an admin invited: the link where they choose their password. */
export function inviteEmail(input: { name: string; invitedBy: string; link: string; companyName: string; validHours: number }): RenderedEmail {
  return renderEmail({
    subject: `You are invited to ${input.companyName}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      `${input.invitedBy} created an account for you at ${input.companyName}. Open this link to choose your password:`,
      `The link works once, for ${input.validHours} hours. If it has expired, ask the shop to send a new invitation.`,
    ],
    action: { label: "Choose your password", url: input.link },
    facts: [],
    footer: `${input.companyName}: made to order.`,
  });
}

/**
 * To whoever asked to reset the password of an active account. No name: the same text is prepared for
 * every request, account or not, so the request's work does not depend on whether the account exists.
 */
export function passwordResetEmail(input: { link: string; companyName: string; validHours: number }): RenderedEmail {
  const hours = input.validHours === 1 ? "one hour" : `${input.validHours} hours`;
  return renderEmail({
    subject: `Reset your password at ${input.companyName}`,
    greeting: "Hello,",
    paragraphs: [
      "Someone (we hope you) asked to reset the password of the account with this email address. Open this link to choose a new one:",
      `The link works once, for ${hours}. Setting a new password signs you out everywhere. If you did not ask, ignore this email: your password has not changed.`,
    ],
    action: { label: "Choose a new password", url: input.link },
    facts: [],
    footer: `${input.companyName}: made to order.`,
  });
}
