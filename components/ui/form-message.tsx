/** The live region where a form announces its outcome. */
export function FormMessage({ message, tone = "error" }: { message?: string; tone?: "error" | "success" }) {
  return (
    <div aria-live="polite">
      {message ? (
        <p role={tone === "error" ? "alert" : "status"} className={`rounded-md px-3 py-2 text-sm ${tone === "error" ? "bg-red-50 text-red-700" : "bg-green-50 text-green-800"}`}>{message}</p>
      ) : null}
    </div>
  );
}
