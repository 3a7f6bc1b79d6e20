-- Revocable sessions: every session token carries the user's session version; bumping it (sign-out, password,
-- role or active change: lib/users/manage-sessions.ts) ends every session of that user at their next request.
-- AlterTable
ALTER TABLE "users" ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;
