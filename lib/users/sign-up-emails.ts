import { renderEmail, type RenderedEmail } from "@/lib/notifications/templates";

// The two emails a sign-up sends: which one is known only to the owner of the inbox, so the sign-up page
// itself never says whether an address has an account.

/** To a new address: the link that creates the account. */
export function confirmSignUpEmail(input: { name: string; link: string; companyName: string; validHours: number }): RenderedEmail {
  return renderEmail({
    subject: `Confirm your email address for ${input.companyName}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      "Open this link to confirm your email address and create your account:",
      `The link works once, for ${input.validHours} hours. If you did not sign up, ignore this email: no account is created without it.`,
    ],
    action: { label: "Confirm your email address", url: input.link },
    facts: [],
    footer: `${input.companyName}: made to order.`,
  });
}

/** To an address that already has an account: someone (perhaps its owner) tried to sign up with it. */
export function signUpWithTakenEmail(input: { name: string; signInLink: string; companyName: string }): RenderedEmail {
  return renderEmail({
    subject: `Someone tried to create an account with this address at ${input.companyName}`,
    greeting: `Hello ${input.name},`,
    paragraphs: [
      "Someone tried to create an account with this email address, which already has one. If it was you, sign in instead (you can ask the shop to reset your password):",
      "If it was not you, you need not do anything: your account has not changed. Contact the shop if this keeps happening.",
    ],
    action: { label: "Sign in", url: input.signInLink },
    facts: [],
    footer: `${input.companyName}: made to order.`,
  });
}
