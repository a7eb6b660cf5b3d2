// What a user without ogi would run: ajv (the version pinned in tests/schema/package-lock.json)
// with ogi's own JSON Schema, plus the section 三 and 四 sums written by hand.
// usage: node validate.mjs SCHEMA.json LIST   — prints the invalid files, one a line.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "../../tests/schema/package.json"));
const Ajv = require("ajv");

const [schemaFile, listFile] = process.argv.slice(2);
const ajv = new Ajv({ strict: false, allErrors: true });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));

const APPLICANTS = ["natural_person", "commercial_enterprise", "research_institution",
    "social_welfare_organization", "legal_service_institution", "other_organization"];
const NOT_OUTCOMES = new Set(["new_received", "carried_over", "total", "carried_forward"]);
const RESULTS = ["upheld", "corrected", "other", "pending"];

// A relation with a blank (null) cell is not checked (ogi says so as OGI-C-BLANK, info).
const sum = (cells) => cells.some((v) => v === null) ? null : cells.reduce((a, b) => a + b, 0);
const holds = (a, b) => a === null || b === null || a === b;

function rulesHold(d) {
    const apps = d.applications;
    for (const row of Object.values(apps))  // OGI-T3-ROW-TOTAL
        if (!holds(row.total, sum(APPLICANTS.map((c) => row[c])))) return false;
    for (const c of [...APPLICANTS, "total"]) {
        const outcomes = Object.keys(apps).filter((r) => !NOT_OUTCOMES.has(r)).map((r) => apps[r][c]);
        if (!holds(apps.total[c], sum(outcomes))) return false;  // OGI-T3-SUM
        if (!holds(sum([apps.new_received[c], apps.carried_over[c]]), sum([apps.total[c], apps.carried_forward[c]])))
            return false;  // OGI-T3-BALANCE
    }
    for (const g of Object.values(d.reviews))  // OGI-T4-TOTAL
        if (!holds(g.total, sum(RESULTS.map((r) => g[r])))) return false;
    return true;
}

const out = [];
for (const file of fs.readFileSync(listFile, "utf8").split("\n")) {
    if (!file) continue;
    let doc;
    try {
        doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch {
        out.push(file);
        continue;
    }
    if (!validate(doc) || !rulesHold(doc)) out.push(file);
}
process.stdout.write(out.map((f) => f + "\n").join(""));
