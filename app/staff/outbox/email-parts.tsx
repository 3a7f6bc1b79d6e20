/**
 * Both parts of an outbox email: the plain text, and the HTML as the recipient's mail program shows it, in a
 * sandboxed frame (no scripts, no same-origin access, no forms: the HTML is ours and escaped, this is the backstop).
 */
export function EmailParts({ subject, text, html }: { subject: string; text: string; html: string | null }) {
  return (
    <div className="mt-3 grid gap-3 lg:grid-cols-2">
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">Text part</h3>
        <pre className="mt-1 max-h-[32rem] overflow-auto whitespace-pre-wrap rounded-md bg-stone-50 p-3 font-sans text-sm text-stone-700" data-testid="email-text">{text}</pre>
      </div>
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">HTML part</h3>
        {html ? (
          <iframe title={`HTML part of “${subject}”`} sandbox="" srcDoc={html} className="mt-1 h-[32rem] w-full rounded-md border border-stone-200 bg-white" data-testid="email-html" />
        ) : (
          <p className="mt-1 text-sm text-stone-500">This email has no HTML part (written before every email had one).</p>
        )}
      </div>
    </div>
  );
}
