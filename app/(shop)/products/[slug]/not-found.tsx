import Link from "next/link";

/** A product that does not exist or has no published version. */
export default function ProductNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Product not found</h1>
      <p className="mt-2 text-stone-600">This product does not exist or is not available to order at the moment.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
        Browse the catalog
      </Link>
    </div>
  );
}
