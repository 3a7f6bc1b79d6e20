import { trackingLink } from "@/lib/orders/tracking-link";

/** "Shipped with DHL, tracking number 123": a link to the carrier's tracking page for known carriers, plain text otherwise. */
export function TrackingLine({ carrier, trackingNumber }: { carrier: string; trackingNumber: string }) {
  const link = trackingLink(carrier, trackingNumber);
  return (
    <>
      Shipped with {carrier}, tracking number{" "}
      {link ? (
        <a href={link.url} target="_blank" rel="noopener noreferrer" className="font-mono underline" data-testid="tracking-link">
          {trackingNumber}<span className="sr-only"> (track with {link.carrier}, opens in a new tab)</span>
        </a>
      ) : (
        <span className="font-mono">{trackingNumber}</span>
      )}
    </>
  );
}
