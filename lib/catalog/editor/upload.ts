import { IMAGE_TYPES, MAX_IMAGE_BYTES } from "./schema";

/** The image type from the file's first bytes, so a renamed file of another kind is refused. */
export function sniffImageType(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  const text = new TextDecoder().decode(bytes.slice(0, 12));
  if (text.startsWith("RIFF") && text.slice(8, 12) === "WEBP") return "image/webp";
  return null;
}

/**
 * Turns an uploaded product image into a data URL stored with the product in the database: every app
 * instance can serve it (files written to public/ at run time are neither shared nor served by `next start`).
 */
export async function imageToDataUrl(file: File): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  if (file.size > MAX_IMAGE_BYTES) return { ok: false, message: `The image is larger than ${MAX_IMAGE_BYTES / 1024} KB.` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffImageType(bytes);
  if (!type || !IMAGE_TYPES[type]) return { ok: false, message: "Upload a PNG, JPEG or WebP image." };
  return { ok: true, url: `data:${type};base64,${Buffer.from(bytes).toString("base64")}` };
}
