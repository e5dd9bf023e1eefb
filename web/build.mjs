// Build the timeline page into chronology/web/static/ and copy the licences of
// every npm package the bundle contains, so the service needs no node and no CDN.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "chronology", "web", "static");
const licences = join(out, "licenses");

rmSync(out, { recursive: true, force: true });
mkdirSync(licences, { recursive: true });

const result = await build({
  entryPoints: { timeline: join(here, "src", "main.js") },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outdir: out,
  metafile: true,
  legalComments: "none",
  banner: {
    js: "/* Chronology timeline. Bundled third-party code: see /static/licenses/THIRD-PARTY-LICENSES.txt */",
    css: "/* Chronology timeline. Bundled third-party code: see /static/licenses/THIRD-PARTY-LICENSES.txt */",
  },
  logLevel: "warning",
});

// The packages whose files went into the bundle, read from esbuild's own record.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const parts = input.split(/[\\/]/);
  const at = parts.lastIndexOf("node_modules");
  if (at < 0) continue;
  const name = parts[at + 1].startsWith("@") ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
  packages.add(name);
}

const lines = [
  "Third-party software bundled in timeline.js and timeline.css",
  "=============================================================",
  "",
];
for (const name of [...packages].sort()) {
  const root = join(here, "node_modules", ...name.split("/"));
  const meta = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const files = readdirSync(root).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f));
  if (files.length === 0) throw new Error(`${name} ships no licence file`);
  const target = join(licences, name.replace("/", "__"));
  mkdirSync(target, { recursive: true });
  for (const file of files) copyFileSync(join(root, file), join(target, file));
  lines.push(`${meta.name} ${meta.version}`);
  lines.push(`  licence: ${meta.license ?? "see files"}`);
  if (meta.homepage) lines.push(`  homepage: ${meta.homepage}`);
  for (const file of files) lines.push(`  text: ${relative(out, join(target, file)).split(sep).join("/")}`);
  lines.push("");
}
writeFileSync(join(licences, "THIRD-PARTY-LICENSES.txt"), lines.join("\n"));

for (const [file, info] of Object.entries(result.metafile.outputs)) {
  console.log(`${relative(here, file)}  ${(info.bytes / 1024).toFixed(1)} KiB`);
}
console.log(`licences: ${[...packages].sort().join(", ")}`);
