"use client";

import { memo } from "react";
import type { PreviewLayer } from "@/lib/configurator";

/** The product drawn from the definition's preview layers, coloured by the current choices. */
export const ProductPreview = memo(function ProductPreview({ preview, label }: { preview: { viewBox: string; layers: PreviewLayer[] } | null; label: string }) {
  if (!preview) return null;
  return (
    <svg viewBox={preview.viewBox} role="img" aria-label={label} className="h-auto w-full" data-testid="product-preview">
      {preview.layers.map((layer) => (
        <path key={layer.id} d={layer.d} fill={layer.fill} data-layer={layer.id} style={{ transition: "fill 200ms ease" }} />
      ))}
    </svg>
  );
});
