/**
 * A test helper (not used by the product): an .xlsx file's cells as Excel reads them, from the
 * XML itself rather than through exceljs, so a test sees exactly what a spreadsheet would.
 */
import JSZip from "jszip";

/** Built-in number format 49 is "@": text. */
export const TEXT_FORMAT_ID = 49;

export interface RawCell {
  /** "xl/worksheets/sheet1.xml!B3". */
  ref: string;
  numFmtId: number;
  /** The shared string's text, or null for any other kind of cell. */
  text: string | null;
  formula: boolean;
}

export async function rawCells(bytes: Uint8Array): Promise<RawCell[]> {
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)!.async("string");
  const decode = (text: string) =>
    text
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&quot;", '"')
      .replaceAll("&apos;", "'")
      .replaceAll("&amp;", "&");
  const shared = [...(await read("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (si) => decode([...si[1]!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join("")),
  );
  const styles = await read("xl/styles.xml");
  const cellXfs = styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)![1]!;
  const numFmtIds = [...cellXfs.matchAll(/<xf [^>]*?numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheets = Object.keys(zip.files).filter((name) =>
    /^xl\/worksheets\/sheet\d+\.xml$/.test(name),
  );
  const cells: RawCell[] = [];
  for (const name of sheets) {
    const xml = await read(name);
    for (const c of xml.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const body = c[2] ?? "";
      const style = Number(attrs.match(/\bs="(\d+)"/)?.[1] ?? 0);
      const value = body.match(/<v>([^<]*)<\/v>/)?.[1];
      const isShared = /\bt="s"/.test(attrs);
      cells.push({
        ref: `${name}!${attrs.match(/\br="([A-Z]+\d+)"/)![1]}`,
        numFmtId: numFmtIds[style] ?? 0,
        text: isShared && value !== undefined ? shared[Number(value)]! : null,
        formula: /<f[ >]/.test(body),
      });
    }
  }
  return cells;
}
