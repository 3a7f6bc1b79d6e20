import { NextResponse, type NextRequest } from "next/server";
import { appOrigin } from "@/lib/auth/callback-url";
import { getDb } from "@/lib/db";
import { confirmSignUp } from "@/lib/users/sign-up";

export const dynamic = "force-dynamic";

/** The emailed sign-up link: creates the account, then sends to sign-in with the email filled in. */
export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const result = await confirmSignUp(await getDb(), token);
  const origin = appOrigin();
  if (!("email" in result)) {
    return NextResponse.redirect(new URL(`/signup?link=${result.status}`, origin), 303);
  }
  const query = new URLSearchParams({ email: result.email, callbackUrl: result.callbackUrl, confirmed: result.status });
  return NextResponse.redirect(new URL(`/login?${query}`, origin), 303);
}
