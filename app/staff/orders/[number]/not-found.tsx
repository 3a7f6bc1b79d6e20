import Link from "next/link";

/** Shown for an order number that does not exist. */
export default function StaffOrderNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">No such order</h1>
      <p className="mt-2 text-stone-600">Check the number, or search for it on the board.</p>
      <Link href="/staff" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">Back to the board</Link>
    </div>
  );
}
