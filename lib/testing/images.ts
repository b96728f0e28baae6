import sharp, { type Color } from "sharp";

/** A picture's size and its one flat colour: opaque blue unless told (4 channels to see through). */
export interface PictureSpec {
  width: number;
  height: number;
  channels?: 3 | 4;
  background?: Color;
}

/** A real picture in `format`, as sharp's encoder writes it. */
export async function picture(
  format: "jpeg" | "png" | "webp",
  { width, height, channels = 3, background = { r: 30, g: 120, b: 200 } }: PictureSpec,
): Promise<Uint8Array<ArrayBuffer>> {
  const create = { width, height, channels, background };
  return new Uint8Array(await sharp({ create }).toFormat(format).toBuffer());
}
