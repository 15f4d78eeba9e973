// Copy the front-end libraries of dyadline's web interface from node_modules into the
// package (src/dyadline/web/static/vendor/), with their licences, and record what was copied
// (package, version, licence, sha256) in vendor/VERSIONS.json.  The app serves these files
// itself, so the pages work offline and `pip install` needs no npm.
//
// Run: cd web && npm ci && npm run build   (or `make web` from the repository root)
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "..", "src", "dyadline", "web", "static", "vendor");

// package -> [file in the package, name in vendor/]
const FILES = {
  "chart.js": [["dist/chart.umd.min.js", "chart.umd.min.js"], ["LICENSE.md", "chart.js.LICENSE.md"]],
  "cytoscape": [["dist/cytoscape.min.js", "cytoscape.min.js"], ["LICENSE", "cytoscape.LICENSE"]],
};

mkdirSync(vendor, { recursive: true });
const record = {};
for (const [name, files] of Object.entries(FILES)) {
  const root = join(here, "node_modules", name);
  const meta = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const copied = {};
  for (const [from, to] of files) {
    copyFileSync(join(root, from), join(vendor, to));
    copied[to] = createHash("sha256").update(readFileSync(join(vendor, to))).digest("hex");
  }
  record[name] = { version: meta.version, license: meta.license, files: copied };
  console.log(`${name} ${meta.version} (${meta.license}) -> ${Object.keys(copied).join(", ")}`);
}
writeFileSync(join(vendor, "VERSIONS.json"), JSON.stringify(record, null, 2) + "\n");
