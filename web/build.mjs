// Build the timeline page and GraphiQL into chronology/web/static/ and copy the licences of
// every npm package the bundles contain, so the service needs no node and no CDN.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "chronology", "web", "static");
const licences = join(out, "licenses");

// Only what this step builds is replaced: pages.css beside it is written by hand.
for (const built of ["timeline.js", "timeline.css", "graphiql.js", "graphiql.css", "licenses"]) {
  rmSync(join(out, built), { recursive: true, force: true });
}
mkdirSync(licences, { recursive: true });

const result = await build({
  entryPoints: { timeline: join(here, "src", "main.js"), graphiql: join(here, "src", "graphiql.js") },
  // React's production build, without the development checks.
  define: { "process.env.NODE_ENV": '"production"' },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outdir: out,
  metafile: true,
  legalComments: "none",
  banner: {
    js: "/* Chronology. Bundled third-party code: see /static/licenses/THIRD-PARTY-LICENSES.txt */",
    css: "/* Chronology. Bundled third-party code: see /static/licenses/THIRD-PARTY-LICENSES.txt */",
  },
  logLevel: "warning",
});

// The packages whose files went into the bundle, read from esbuild's own record.
// A package nested in another's node_modules is found where esbuild read it.
const packages = new Set();
const roots = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const parts = input.split(/[\\/]/);
  const at = parts.lastIndexOf("node_modules");
  if (at < 0) continue;
  const scoped = parts[at + 1].startsWith("@");
  const name = scoped ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
  packages.add(name);
  if (!roots.has(name)) roots.set(name, join(here, ...parts.slice(0, at + (scoped ? 3 : 2))));
}

function mitText(author, name) {
  return `(Written by Chronology's build from the "license": "MIT" in ${name}'s package.json; the package ships no licence file.)

MIT License

Copyright (c) ${author}

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`;
}

const lines = [
  "Third-party software bundled in timeline.js, timeline.css, graphiql.js and graphiql.css",
  "=======================================================================================",
  "",
];
for (const name of [...packages].sort()) {
  const root = roots.get(name);
  const meta = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const files = readdirSync(root).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f));
  const target = join(licences, name.replace("/", "__"));
  mkdirSync(target, { recursive: true });
  for (const file of files) copyFileSync(join(root, file), join(target, file));
  if (files.length === 0) {
    // A few packages (@graphiql/plugin-explorer) declare MIT in package.json but ship no text:
    // the MIT text is written out with the author the package names, and marked as written here.
    if (meta.license !== "MIT") throw new Error(`${name} ships no licence file`);
    const author = typeof meta.author === "string" ? meta.author : meta.author?.name ?? `the ${name} authors`;
    writeFileSync(join(target, "LICENSE"), mitText(author, name));
    files.push("LICENSE");
  }
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
