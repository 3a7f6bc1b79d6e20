import { ImageResponse } from "next/og";
import { loadProduct } from "@/lib/catalog/cached";
import { sharedView } from "@/lib/configurator/share/shared-view";
import { formatCents } from "@/lib/money";

// The link-preview picture of a share link (og:image): the configuration's drawing, the product and its price,
// as a PNG (link previews do not show SVG). The same link always draws the same picture.

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A 1200x630 PNG of the configuration in `?c=` (the standard one when the link cannot be used). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const data = await loadProduct((await params).slug);
  if (!data) return new Response("Product not found", { status: 404 });
  const url = new URL(request.url);
  const { view } = sharedView(data.product.version.definition, url.search, data.currency);
  const svg = view.preview
    ? `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${escapeXml(view.preview.viewBox)}">${view.preview.layers.map((l) => `<path d="${escapeXml(l.d)}" fill="${escapeXml(l.fill)}"/>`).join("")}</svg>`
    : null;
  const price = formatCents(view.result.totalCents, data.currency);
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", background: "linear-gradient(#ffffff, #f5f5f4)", padding: 48, fontSize: 40, color: "#1c1917" }}>
        <div style={{ display: "flex", flex: 1, alignItems: "center", justifyContent: "center" }}>
          {svg ? <img alt="" width={640} height={480} src={`data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`} style={{ objectFit: "contain" }} /> : null}
        </div>
        <div style={{ display: "flex", flexDirection: "column", justifyContent: "center", width: 420, paddingLeft: 32 }}>
          <div style={{ fontSize: 52, fontWeight: 700 }}>{data.product.name}</div>
          <div style={{ marginTop: 16, fontSize: 44 }}>{view.quantity > 1 ? `${price} for ${view.quantity}` : price}</div>
        </div>
      </div>
    ),
    { width: 1200, height: 630, headers: { "Cache-Control": "public, max-age=3600" } },
  );
}
