// Where a customer follows a parcel: the tracking pages of the carriers shops commonly use. A carrier is
// recognised by its name as staff type it ("DHL Express", "ups", "La Poste – Colissimo"); the tracking number
// is URL-encoded into the carrier's page address. An unknown carrier gets no link (shown as plain text).

type Carrier = { name: string; aliases: string[]; url: (encodedNumber: string) => string };

const CARRIERS: Carrier[] = [
  { name: "DHL", aliases: ["dhl", "deutsche post dhl", "dhl express", "dhl parcel"], url: (n) => `https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=${n}` },
  { name: "UPS", aliases: ["ups", "united parcel service"], url: (n) => `https://www.ups.com/track?tracknum=${n}` },
  { name: "FedEx", aliases: ["fedex", "fed ex", "federal express"], url: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}` },
  { name: "DPD", aliases: ["dpd"], url: (n) => `https://tracking.dpd.de/status/en_US/parcel/${n}` },
  { name: "GLS", aliases: ["gls"], url: (n) => `https://gls-group.com/track/${n}` },
  { name: "PostNL", aliases: ["postnl", "post nl"], url: (n) => `https://jouw.postnl.nl/track-and-trace/${n}` },
  { name: "Colissimo", aliases: ["la poste", "colissimo", "la poste colissimo"], url: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${n}` },
  { name: "Chronopost", aliases: ["chronopost"], url: (n) => `https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=${n}` },
  { name: "Royal Mail", aliases: ["royal mail"], url: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}` },
  { name: "Parcelforce", aliases: ["parcelforce", "parcelforce worldwide"], url: (n) => `https://www.parcelforce.com/track-trace?trackNumber=${n}` },
  { name: "USPS", aliases: ["usps", "us postal service", "united states postal service"], url: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}` },
  { name: "Evri", aliases: ["evri", "hermes"], url: (n) => `https://www.evri.com/track/parcel/${n}` },
  { name: "Canada Post", aliases: ["canada post", "postes canada"], url: (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${n}` },
  { name: "Australia Post", aliases: ["australia post", "auspost"], url: (n) => `https://auspost.com.au/mypost/track/details/${n}` },
];

/** Words of a carrier name: lower case, accents and punctuation dropped ("La Poste – Colissimo" -> la poste colissimo). */
function words(value: string): string[] {
  return value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** Whether `alias` is the name or its first words ("ups ground" is UPS; "upsilon" is not). */
const startsWithWords = (name: string[], alias: string[]) => alias.length <= name.length && alias.every((w, i) => name[i] === w);

/** The carrier's tracking page for this parcel, or null for a carrier we do not know (or an empty number). */
export function trackingLink(carrier: string, trackingNumber: string): { carrier: string; url: string } | null {
  const number = trackingNumber.trim();
  if (!number || number.length > 100) return null;
  const name = words(carrier);
  if (!name.length) return null;
  const known = CARRIERS.find((c) => c.aliases.some((alias) => startsWithWords(name, words(alias))));
  return known ? { carrier: known.name, url: known.url(encodeURIComponent(number)) } : null;
}

/** The carriers that get a link (for the ship form's hint). */
export const KNOWN_CARRIERS = CARRIERS.map((c) => c.name);
