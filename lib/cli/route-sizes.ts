/**
 * `npm run route-sizes`: the JavaScript each main page makes the browser load, read from the
 * production build in `.next` (run `next build` first). Next 16 with Turbopack no longer prints
 * "First Load JS" per route, so this adds it up from the build's own manifests: the runtime every
 * page loads, plus the chunks of the page's layouts, error boundaries and the page itself.
 * Sizes are uncompressed, gzip (what `next start` sends) and brotli (what a proxy could send).
 * The e2e performance spec measures the same thing in a real browser, as a cross-check.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const MAIN_ROUTES = ["/login", "/my", "/tasks", "/tasks/[id]", "/dashboard", "/reports", "/admin"];
/** Entries in a page's manifest that the page does not load unless that boundary renders. */
const NOT_LOADED = /\/(not-found|forbidden|unauthorized|global-error)$/;

const root = process.cwd();
const next = path.join(root, ".next");
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

type Sizes = { raw: number; gzip: number; brotli: number };
const sizeCache = new Map<string, Sizes>();

/** One chunk's sizes; gzip at level 6, as `next start`'s compression sends it. */
function sizesOf(file: string): Sizes {
  let sizes = sizeCache.get(file);
  if (!sizes) {
    const bytes = readFileSync(path.join(next, file));
    sizes = {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 6 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
    };
    sizeCache.set(file, sizes);
  }
  return sizes;
}

/**
 * The chunks a page loads: the runtime, then every layout, error boundary and the page. The
 * baseline is what every page loads whatever it shows: the runtime and the root layout's chunks.
 */
function chunksOf(page: string): { all: string[]; baseline: string[] } {
  const dir = path.join(next, "server", "app", page);
  const { rootMainFiles } = readJson<{ rootMainFiles: string[] }>(
    path.join(dir, "build-manifest.json"),
  );
  // The client reference manifest is a script that sets globalThis.__RSC_MANIFEST[page].
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } =
    {};
  runInNewContext(readFileSync(`${dir}_client-reference-manifest.js`, "utf8"), sandbox);
  const manifest = Object.values(sandbox.__RSC_MANIFEST ?? {})[0];
  if (!manifest) throw new Error(`No client reference manifest for ${page}`);
  const entries = Object.entries(manifest.entryJSFiles)
    .filter(([entry]) => !NOT_LOADED.test(entry))
    .flatMap(([, files]) => files);
  const rootLayout = manifest.entryJSFiles["[project]/app/layout"] ?? [];
  return {
    all: [...new Set([...rootMainFiles, ...entries])],
    baseline: [...rootMainFiles, ...rootLayout],
  };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function main() {
  if (!existsSync(path.join(next, "BUILD_ID"))) {
    console.error("No production build in .next: run `next build` (or `npm run build`) first.");
    process.exit(1);
  }
  // "/(app)/dashboard/page" → "/dashboard": the page behind each URL.
  const routes = readJson<Record<string, string>>(path.join(next, "app-path-routes-manifest.json"));
  const pageOf = new Map(Object.entries(routes).map(([page, url]) => [url, page]));

  const rows = MAIN_ROUTES.map((url) => {
    const page = pageOf.get(url);
    if (!page) throw new Error(`No page for ${url} in the build`);
    const { all: chunks, baseline } = chunksOf(page);
    const total = chunks.map(sizesOf).reduce(
      (sum, s) => ({
        raw: sum.raw + s.raw,
        gzip: sum.gzip + s.gzip,
        brotli: sum.brotli + s.brotli,
      }),
      { raw: 0, gzip: 0, brotli: 0 },
    );
    const own = chunks.filter((c) => !baseline.includes(c)).map(sizesOf);
    const ownGzip = own.reduce((sum, s) => sum + s.gzip, 0);
    return { url, chunks: chunks.length, ...total, ownGzip, baseGzip: total.gzip - ownGzip };
  });

  const base = rows[0]?.baseGzip ?? 0;
  console.log(`Every page loads the runtime and root layout: ${kB(base)} gzip.\n`);
  console.log(
    "| Route | Scripts | gzip (sent) | brotli | Uncompressed | gzip beyond the runtime |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(
      `| ${r.url} | ${r.chunks} | ${kB(r.gzip)} | ${kB(r.brotli)} | ${kB(r.raw)} | ${kB(r.ownGzip)} |`,
    );
  }
}

main();
