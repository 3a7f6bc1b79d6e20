// next-auth's browser endpoints and events, shared by the session hook (./client) and signing in and out
// (./credentials) without either importing the other.

export const AUTH_BASE = "/api/auth";
// next-auth/react's cross-tab channel: a write to this localStorage key tells the other tabs to re-read the session.
export const BROADCAST_KEY = "nextauth.message";
export const SESSION_EVENT = "atelier:session";
