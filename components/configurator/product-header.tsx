import Link from "next/link";

type Props = { product: { name: string; summary: string; description: string | null } };

/** The configurator page's breadcrumb and heading (the plain page and a share link's). */
export function ProductHeader({ product }: Props) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-stone-500">
        <Link href="/" className="hover:text-stone-900 hover:underline">Catalog</Link>
        <span aria-hidden className="mx-2">/</span>
        <span aria-current="page" className="text-stone-700">{product.name}</span>
      </nav>
      <header className="mb-6 max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{product.name}</h1>
        <p className="mt-2 text-lg text-stone-700">{product.summary}</p>
        {product.description ? <p className="mt-2 text-sm leading-relaxed text-stone-600">{product.description}</p> : null}
      </header>
    </>
  );
}
