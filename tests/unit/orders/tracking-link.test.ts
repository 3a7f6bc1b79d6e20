import { describe, expect, it } from "vitest";
import { trackingLink } from "@/lib/orders/tracking-link";

describe("tracking links for known carriers", () => {
  it.each([
    ["DHL", "JD014600006281230704", "https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=JD014600006281230704", "DHL"],
    ["dhl express", "1234567890", "https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=1234567890", "DHL"],
    ["UPS Ground", "1Z999AA10123456784", "https://www.ups.com/track?tracknum=1Z999AA10123456784", "UPS"],
    ["FedEx", "449044304137821", "https://www.fedex.com/fedextrack/?trknbr=449044304137821", "FedEx"],
    ["DPD", "01234567890123", "https://tracking.dpd.de/status/en_US/parcel/01234567890123", "DPD"],
    ["GLS", "ZX12AB", "https://gls-group.com/track/ZX12AB", "GLS"],
    ["PostNL", "3SABCD1234567", "https://jouw.postnl.nl/track-and-trace/3SABCD1234567", "PostNL"],
    ["La Poste – Colissimo", "6A12345678901", "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901", "Colissimo"],
    ["Colissimo", "6A12345678901", "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901", "Colissimo"],
    ["Royal Mail", "AB123456789GB", "https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB", "Royal Mail"],
    ["USPS", "9400111899223100000000", "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223100000000", "USPS"],
  ])("%s %s", (carrier, number, url, name) => {
    expect(trackingLink(carrier, number)).toEqual({ carrier: name, url });
  });

  it("URL-encodes the tracking number (it cannot add parameters or change the path)", () => {
    expect(trackingLink("UPS", "1Z 99&x=<y>/../#z")?.url).toBe("https://www.ups.com/track?tracknum=1Z%2099%26x%3D%3Cy%3E%2F..%2F%23z");
    expect(trackingLink("DPD", " 0123 ")?.url).toBe("https://tracking.dpd.de/status/en_US/parcel/0123");
  });

  it("an unknown carrier, a lookalike name or an empty number gets no link", () => {
    expect(trackingLink("Our own van", "123")).toBeNull();
    expect(trackingLink("Upsilon Freight", "123")).toBeNull();
    expect(trackingLink("", "123")).toBeNull();
    expect(trackingLink("DHL", "   ")).toBeNull();
  });
});
