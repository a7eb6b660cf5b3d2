// Independent check of ogi's report JSON Schema with ajv (draft-07).
//
//   node check.mjs path/to/ogi
//
// 1. `ogi schema` must be a valid draft-07 schema (ajv's meta-schema check) and byte-identical
//    to docs/schema/report.schema.json.
// 2. A set of documents (the two example reports and mutations of them) is validated by ajv
//    against that schema and by `ogi validate --format json` (all files in one call). Each
//    document carries the verdict the JSON contract (docs/report-json.md) gives
//    it; ajv's verdict and ogi's structural verdict (no OGI-S-SCHEMA / OGI-S-JSON diagnostic)
//    must both equal it.
//
// Set OGI_KEEP_TMP=1 to keep the written documents.
// Prints one line per document and a final line `N passed, M failed`; exits 1 on any failure,
// 2 when the check itself cannot run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const DRAFT07 = "http://json-schema.org/draft-07/schema#";
const STRUCTURAL = new Set(["OGI-S-SCHEMA", "OGI-S-JSON"]);

function die(msg) {
    console.error(`check.mjs: ${msg}`);
    process.exit(2);
}

const ogi = process.argv[2];
if (!ogi) die("usage: node check.mjs path/to/ogi");
if (!fs.existsSync(ogi)) die(`no such file: ${ogi}`);

let passed = 0;
let failed = 0;
function record(ok, line) {
    if (ok) passed++;
    else failed++;
    console.log(`${ok ? "PASS" : "FAIL"}  ${line}`);
}

// ---------------------------------------------------------------- the schema itself

const run = spawnSync(ogi, ["schema"], { maxBuffer: 64 << 20 });
if (run.error) die(`cannot run ${ogi} schema: ${run.error.message}`);
if (run.status !== 0) die(`${ogi} schema exited with ${run.status}: ${run.stderr}`);
const schemaBytes = run.stdout;
let schema;
try {
    schema = JSON.parse(schemaBytes.toString("utf8"));
} catch (e) {
    die(`ogi schema does not print JSON: ${e.message}`);
}

const docsCopy = path.join(here, "../../docs/schema/report.schema.json");
{
    const published = fs.existsSync(docsCopy) ? fs.readFileSync(docsCopy) : null;
    record(published !== null && Buffer.compare(published, schemaBytes) === 0,
           `schema: ogi schema is byte-identical to docs/schema/report.schema.json` +
           (published === null ? " (file missing)" : ` (${schemaBytes.length} vs ${published.length} bytes)`));
}

// strict: false — strict mode is ajv's own lint, not part of draft-07.
const ajv = new Ajv({ strict: false, allErrors: true });
record(schema.$schema === DRAFT07, `schema: declares $schema ${JSON.stringify(schema.$schema)} (want ${DRAFT07})`);
{
    // Validate against the draft-07 meta-schema explicitly (not whatever $schema names).
    const meta = ajv.getSchema(DRAFT07.replace(/#$/, ""));
    if (!meta) die("ajv has no draft-07 meta-schema");
    const ok = meta(schema);
    record(ok === true, `schema: valid against the draft-07 meta-schema` +
           (ok ? "" : ` — ${ajv.errorsText(meta.errors, { separator: "; " })}`));
    // The meta check must be able to fail: a broken copy must be refused.
    const broken = structuredClone(schema);
    broken.definitions.count.type = 5;
    const refused = ajv.validateSchema(broken) === false;
    record(refused, `schema: meta-schema check refuses a broken copy (definitions.count.type = 5)`);
}
let validate;
try {
    validate = ajv.compile(schema);
    record(true, `schema: compiles with ajv (all $refs resolve)`);
} catch (e) {
    record(false, `schema: compiles with ajv — ${e.message}`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(1);
}

// ---------------------------------------------------------------- the documents

const load = (name) => JSON.parse(fs.readFileSync(path.join(repo, "examples/data", name), "utf8"));
const L = load("liucheng-2020.json"); // edition 2019, single `other` row
const H = load("huaian-2024.json"); // edition 2021, three `other_*` rows

const ROW = (n = 0) => ({
    natural_person: n, commercial_enterprise: 0, research_institution: 0, social_welfare_organization: 0,
    legal_service_institution: 0, other_organization: 0, total: n,
});

// A number written exactly as given in the JSON text (3.0, 1e2, ...): set the value to raw("3.0").
const RAW = "\u0000raw:";
const raw = (text) => RAW + text;

/** A document: a mutation of `base` by `fn`, or literal JSON `text`. */
const cases = [];
function doc(name, expect, base, fn = () => {}) {
    const d = structuredClone(base);
    const r = fn(d);
    const value = r === undefined ? d : r;
    let text = JSON.stringify(value, null, 2);
    text = text.replace(/"\\u0000raw:([^"]*)"/g, (_, t) => t);
    cases.push({ name, expect, text });
}
function text(name, expect, t) {
    cases.push({ name, expect, text: t });
}
const VALID = true;
const INVALID = false;

// --- valid -------------------------------------------------------------------------------
doc("L-example", VALID, L);
doc("H-example", VALID, H);
doc("L-count-null", VALID, L, (d) => { d.applications.granted.natural_person = null; });
doc("L-proactive-count-null", VALID, L, (d) => { d.proactive.regulations.made = null; });
doc("H-count-null", VALID, H, (d) => { d.reviews.administrative_review.pending = null; });
doc("H-proactive-count-null", VALID, H, (d) => { d.proactive.licensing.decisions = null; });
doc("L-change-null", VALID, L, (d) => { d.proactive.fees.change = null; });
doc("L-change-negative", VALID, L, (d) => { d.proactive.licensing.change = -3; });
doc("L-change-min", VALID, L, (d) => { d.proactive.coercion.change = -9007199254740991; });
doc("H-count-max", VALID, H, (d) => { d.applications.granted.research_institution = 9007199254740991; });
doc("L-money-number-int", VALID, L, (d) => { d.proactive.procurement.amount = 38297; });
doc("L-money-number-frac", VALID, L, (d) => { d.proactive.procurement.amount = 0.38; });
doc("L-money-string-frac", VALID, L, (d) => { d.proactive.procurement.amount = "0.38"; });
doc("L-money-zero", VALID, L, (d) => { d.proactive.procurement.amount = 0; });
doc("L-money-null", VALID, L, (d) => { d.proactive.procurement.amount = null; });
doc("H-money-number", VALID, H, (d) => { d.proactive.fees.amount_wan_yuan = 96171.6; });
doc("H-money-string-frac", VALID, H, (d) => { d.proactive.fees.amount_wan_yuan = "0.38"; });
doc("H-money-null", VALID, H, (d) => { d.proactive.fees.amount_wan_yuan = null; });
doc("L-unit-wan_yuan", VALID, L, (d) => { d.proactive.procurement.amount_unit = "wan_yuan"; });
doc("L-unit-null", VALID, L, (d) => { d.proactive.procurement.amount_unit = null; });
doc("L-unit-absent", VALID, L, (d) => { delete d.proactive.procurement.amount_unit; });
doc("L-no-published_on", VALID, L, (d) => { delete d.published_on; });
doc("L-no-agency-kind", VALID, L, (d) => { delete d.agency.kind; });
doc("L-agency-region", VALID, L, (d) => { d.agency.region = "福建省泉州市"; });
for (const k of ["government", "department", "other"])
    doc(`L-agency-kind-${k}`, VALID, L, (d) => { d.agency.kind = k; });
doc("H-no-narrative", VALID, H, (d) => { delete d.narrative; });
doc("H-no-source", VALID, H, (d) => { delete d.source; });
doc("H-no-narrative-no-source", VALID, H, (d) => { delete d.narrative; delete d.source; });
doc("H-narrative-empty", VALID, H, (d) => { d.narrative = {}; });
doc("H-narrative-overview-only", VALID, H, (d) => { d.narrative = { overview: "..." }; });
doc("H-source-free-keys", VALID, H, (d) => {
    d.source = { file: "a.pdf", url: "https://example.org/a.pdf", extracted_by: { tool: "ogi", version: "0.1" }, pages: [1, 2] };
});
doc("H-published_on", VALID, H, (d) => { d.published_on = "2025-01-20"; });
doc("L-published_on-not-real-date", VALID, L, (d) => { d.published_on = "2021-02-30"; }); // shape only; OGI-M-DATE
doc("L-2019-with-other_*-rows", VALID, L, (d) => {
    const a = d.applications;
    const entries = Object.entries(a).flatMap(([k, v]) =>
        k === "other" ? [["other_overdue_correction", ROW()], ["other_overdue_fee", ROW()], ["other_reasons", v]] : [[k, v]]);
    d.applications = Object.fromEntries(entries);
});
doc("H-2021-with-single-other-row", VALID, H, (d) => {
    const a = d.applications;
    const entries = Object.entries(a).flatMap(([k, v]) =>
        k === "other_overdue_correction" ? [["other", ROW()]] : k.startsWith("other_") ? [] : [[k, v]]);
    d.applications = Object.fromEntries(entries);
});
doc("L-keys-reordered", VALID, L, (d) => Object.fromEntries(Object.entries(d).reverse()));
// JSON Schema draft-07: "integer" is any number with a zero fractional part, so 3.0 and 1e2 are integers.
doc("L-count-3.0", VALID, L, (d) => { d.applications.granted.natural_person = raw("3.0"); });
doc("L-count-1e2", VALID, L, (d) => { d.proactive.normative_documents.public_total = raw("1e2"); });
doc("L-year-2020.0", VALID, L, (d) => { d.year = raw("2020.0"); });
// Money: "a decimal, written as a JSON number or a string"; nothing in the contract bounds it.
doc("L-money-number-exponent", VALID, L, (d) => { d.proactive.procurement.amount = raw("3.8297e4"); });
doc("L-money-number-tiny", VALID, L, (d) => { d.proactive.procurement.amount = raw("1e-7"); });
// The contract caps money strings at 18 digits (the schema says so); numbers are JSON's own,
// and one that ogi cannot keep exact is OGI-S-EXACT, not a structural error.
doc("H-money-string-19-digits", INVALID, H, (d) => { d.proactive.fees.amount_wan_yuan = "1234567890123456789"; });
doc("H-money-number-19-digits", VALID, H, (d) => { d.proactive.fees.amount_wan_yuan = raw("0.1234567890123456789"); });
doc("H-money-string-18-digits", VALID, H, (d) => { d.proactive.fees.amount_wan_yuan = "12345678901234567.8"; });
doc("H-money-number-huge", VALID, H, (d) => { d.proactive.fees.amount_wan_yuan = raw("1e300"); });
doc("L-money-number-minus-zero", VALID, L, (d) => { d.proactive.procurement.amount = raw("-0"); });
doc("L-count-minus-zero", VALID, L, (d) => { d.applications.granted.natural_person = raw("-0"); });
doc("H-money-string-leading-zeros", VALID, H, (d) => { d.proactive.fees.amount_wan_yuan = "007.50"; });

// --- invalid -----------------------------------------------------------------------------
doc("L-count-negative", INVALID, L, (d) => { d.applications.granted.natural_person = -1; });
doc("H-count-negative", INVALID, H, (d) => { d.reviews.litigation_direct.total = -1; });
doc("L-proactive-count-negative", INVALID, L, (d) => { d.proactive.licensing.previous_items = -1; });
doc("L-count-string", INVALID, L, (d) => { d.applications.granted.natural_person = "3"; });
doc("H-count-string", INVALID, H, (d) => { d.proactive.punishment.decisions = "12"; });
doc("L-count-1.5", INVALID, L, (d) => { d.applications.total.total = 1.5; });
doc("L-change-1.5", INVALID, L, (d) => { d.proactive.licensing.change = 1.5; });
doc("L-count-bool", INVALID, L, (d) => { d.applications.granted.natural_person = true; });
doc("L-count-object", INVALID, L, (d) => { d.applications.granted.natural_person = {}; });
doc("H-count-2^53", INVALID, H, (d) => { d.applications.granted.research_institution = raw("9007199254740992"); });
doc("L-change-below-min", INVALID, L, (d) => { d.proactive.coercion.change = raw("-9007199254740992"); });
doc("L-unknown-top-level-key", INVALID, L, (d) => { d.comment = "x"; });
doc("H-unknown-top-level-key", INVALID, H, (d) => { d.extra = {}; });
doc("L-unknown-key-in-row", INVALID, L, (d) => { d.applications.granted.foo = 0; });
doc("H-unknown-key-in-row", INVALID, H, (d) => { d.applications.other_reasons.foo = 0; });
doc("L-unknown-row-in-applications", INVALID, L, (d) => { d.applications.foo = ROW(); });
doc("H-unknown-row-in-reviews", INVALID, H, (d) => { d.reviews.foo = d.reviews.litigation_direct; });
doc("H-unknown-key-in-review-row", INVALID, H, (d) => { d.reviews.administrative_review.foo = 0; });
doc("L-unknown-block-in-proactive", INVALID, L, (d) => { d.proactive.foo = { made: 0 }; });
doc("H-unknown-block-in-proactive", INVALID, H, (d) => { d.proactive.foo = { decisions: 0 }; });
doc("L-unknown-key-in-proactive-block", INVALID, L, (d) => { d.proactive.regulations.foo = 0; });
doc("H-unknown-key-in-proactive-block", INVALID, H, (d) => { d.proactive.fees.foo = 0; });
doc("L-unknown-key-in-agency", INVALID, L, (d) => { d.agency.code = "x"; });
doc("H-unknown-key-in-narrative", INVALID, H, (d) => { d.narrative.summary = "x"; });
for (const k of ["edition", "year", "agency", "proactive", "applications", "reviews"]) {
    doc(`L-missing-${k}`, INVALID, L, (d) => { delete d[k]; });
    doc(`H-missing-${k}`, INVALID, H, (d) => { delete d[k]; });
}
doc("L-missing-agency-name", INVALID, L, (d) => { delete d.agency.name; });
doc("L-agency-empty", INVALID, L, (d) => { d.agency = {}; });
doc("L-missing-proactive-fees", INVALID, L, (d) => { delete d.proactive.fees; });
doc("L-missing-proactive-procurement", INVALID, L, (d) => { delete d.proactive.procurement; });
doc("H-missing-proactive-licensing", INVALID, H, (d) => { delete d.proactive.licensing; });
doc("L-missing-regulations-made", INVALID, L, (d) => { delete d.proactive.regulations.made; });
doc("L-missing-licensing-change", INVALID, L, (d) => { delete d.proactive.licensing.change; });
doc("L-missing-procurement-amount", INVALID, L, (d) => { delete d.proactive.procurement.amount; });
doc("H-missing-fees-amount", INVALID, H, (d) => { delete d.proactive.fees.amount_wan_yuan; });
doc("H-missing-regulations-in_force", INVALID, H, (d) => { delete d.proactive.regulations.in_force; });
doc("L-missing-row-granted", INVALID, L, (d) => { delete d.applications.granted; });
doc("H-missing-row-total", INVALID, H, (d) => { delete d.applications.total; });
doc("H-missing-row-carried_forward", INVALID, H, (d) => { delete d.applications.carried_forward; });
doc("L-missing-column-total", INVALID, L, (d) => { delete d.applications.granted.total; });
doc("H-missing-column-natural_person", INVALID, H, (d) => { delete d.applications.other_overdue_fee.natural_person; });
doc("H-missing-review-row", INVALID, H, (d) => { delete d.reviews.litigation_direct; });
doc("H-missing-review-column", INVALID, H, (d) => { delete d.reviews.administrative_review.pending; });
doc("L-edition-2020", INVALID, L, (d) => { d.edition = "2020"; });
doc("H-edition-2022", INVALID, H, (d) => { d.edition = "2022"; });
doc("L-edition-number", INVALID, L, (d) => { d.edition = 2019; });
doc("L-edition-null", INVALID, L, (d) => { d.edition = null; });
doc("L-2019-with-2021-proactive", INVALID, L, (d) => { d.proactive = structuredClone(H.proactive); });
doc("H-2021-with-2019-proactive", INVALID, H, (d) => { d.proactive = structuredClone(L.proactive); });
doc("L-2019-regulations-2021-keys", INVALID, L, (d) => { d.proactive.regulations = { issued: 0, repealed: 0, in_force: 0 }; });
doc("H-2021-fees-2019-keys", INVALID, H, (d) => { d.proactive.fees = { previous_items: 0, change: 0 }; });
doc("H-2021-procurement-block", INVALID, H, (d) => { d.proactive.procurement = { projects: 1, amount: "1" }; });
doc("L-both-other-and-other_*", INVALID, L, (d) => {
    Object.assign(d.applications, { other_overdue_correction: ROW(), other_overdue_fee: ROW(), other_reasons: ROW() });
});
doc("H-both-other-and-other_*", INVALID, H, (d) => { d.applications.other = ROW(); });
doc("H-other-plus-one-other_*", INVALID, H, (d) => {
    delete d.applications.other_overdue_correction; delete d.applications.other_overdue_fee; d.applications.other = ROW();
});
doc("L-only-other_reasons", INVALID, L, (d) => { d.applications.other_reasons = d.applications.other; delete d.applications.other; });
doc("H-only-two-other_*", INVALID, H, (d) => { delete d.applications.other_overdue_fee; });
doc("H-only-one-other_*", INVALID, H, (d) => { delete d.applications.other_overdue_fee; delete d.applications.other_reasons; });
doc("L-neither-other-nor-other_*", INVALID, L, (d) => { delete d.applications.other; });
doc("H-neither-other-nor-other_*", INVALID, H, (d) => {
    for (const k of ["other_overdue_correction", "other_overdue_fee", "other_reasons"]) delete d.applications[k];
});
doc("L-money-abc", INVALID, L, (d) => { d.proactive.procurement.amount = "abc"; });
doc("H-money-abc", INVALID, H, (d) => { d.proactive.fees.amount_wan_yuan = "abc"; });
doc("L-money-string-minus-1", INVALID, L, (d) => { d.proactive.procurement.amount = "-1"; });
doc("H-money-string-minus-1", INVALID, H, (d) => { d.proactive.fees.amount_wan_yuan = "-1"; });
doc("L-money-number-negative", INVALID, L, (d) => { d.proactive.procurement.amount = -1; });
doc("H-money-number-negative", INVALID, H, (d) => { d.proactive.fees.amount_wan_yuan = -0.01; });
doc("L-money-string-empty", INVALID, L, (d) => { d.proactive.procurement.amount = ""; });
doc("L-money-string-leading-dot", INVALID, L, (d) => { d.proactive.procurement.amount = ".5"; });
doc("L-money-string-trailing-dot", INVALID, L, (d) => { d.proactive.procurement.amount = "5."; });
doc("L-money-string-thousands", INVALID, L, (d) => { d.proactive.procurement.amount = "38,297"; });
doc("L-money-string-space", INVALID, L, (d) => { d.proactive.procurement.amount = " 38297"; });
doc("L-money-string-exponent", INVALID, L, (d) => { d.proactive.procurement.amount = "1e3"; });
doc("L-money-bool", INVALID, L, (d) => { d.proactive.procurement.amount = true; });
doc("L-unit-dollar", INVALID, L, (d) => { d.proactive.procurement.amount_unit = "dollar"; });
doc("L-unit-number", INVALID, L, (d) => { d.proactive.procurement.amount_unit = 1; });
doc("L-year-string", INVALID, L, (d) => { d.year = "2020"; });
doc("L-year-1.5", INVALID, L, (d) => { d.year = 2020.5; });
doc("L-year-null", INVALID, L, (d) => { d.year = null; });
doc("L-published_on-slashes", INVALID, L, (d) => { d.published_on = "2021/01/05"; });
doc("L-published_on-short", INVALID, L, (d) => { d.published_on = "2021-1-5"; });
doc("L-published_on-number", INVALID, L, (d) => { d.published_on = 20210105; });
doc("L-published_on-null", INVALID, L, (d) => { d.published_on = null; });
doc("L-published_on-datetime", INVALID, L, (d) => { d.published_on = "2021-01-05T00:00:00Z"; });
doc("L-agency-name-number", INVALID, L, (d) => { d.agency.name = 1; });
doc("L-agency-string", INVALID, L, (d) => { d.agency = "南安市柳城街道办事处"; });
doc("L-agency-kind-unknown", INVALID, L, (d) => { d.agency.kind = "ministry"; });
doc("L-agency-region-number", INVALID, L, (d) => { d.agency.region = 350583; });
doc("H-narrative-overview-number", INVALID, H, (d) => { d.narrative.overview = 1; });
doc("H-narrative-string", INVALID, H, (d) => { d.narrative = "text"; });
doc("H-source-string", INVALID, H, (d) => { d.source = "a.pdf"; });
doc("L-proactive-array", INVALID, L, (d) => { d.proactive = []; });
doc("H-applications-row-array", INVALID, H, (d) => { d.applications.granted = [1, 2, 3]; });
doc("H-reviews-null", INVALID, H, (d) => { d.reviews = null; });
doc("L-procurement-null", INVALID, L, (d) => { d.proactive.procurement = null; });
doc("top-level-array", INVALID, L, (d) => [d]);
doc("top-level-empty-array", INVALID, L, () => []);
doc("top-level-null", INVALID, L, () => null);
doc("top-level-string", INVALID, L, () => "report");
doc("top-level-empty-object", INVALID, L, () => ({}));
text("not-json-truncated", INVALID, JSON.stringify(L).slice(0, 100));
text("not-json-trailing-comma", INVALID, JSON.stringify(L).replace(/}$/, ",}"));
text("not-json-empty-file", INVALID, "");

// ---------------------------------------------------------------- run both tools

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ogi-schema-check-"));
const files = cases.map((c, i) => {
    const f = path.join(dir, `${String(i).padStart(3, "0")}-${c.name.replace(/[^A-Za-z0-9._-]/g, "_")}.json`);
    fs.writeFileSync(f, c.text);
    return f;
});

const v = spawnSync(ogi, ["validate", "--format", "json", ...files], { maxBuffer: 256 << 20 });
if (v.error) die(`cannot run ${ogi} validate: ${v.error.message}`);
let results;
try {
    results = JSON.parse(v.stdout.toString("utf8"));
} catch (e) {
    die(`ogi validate (exit ${v.status}) did not print JSON: ${e.message}\n${v.stderr}`);
}
if (!Array.isArray(results)) results = [results];
const byFile = new Map(results.map((r) => [r.file, r]));

const verdict = (ok) => (ok ? "valid" : "invalid");
cases.forEach((c, i) => {
    // ajv: parse as JSON (a parse failure is "invalid"), then validate.
    let ajvOk;
    let ajvWhy = "";
    try {
        const value = JSON.parse(fs.readFileSync(files[i], "utf8"));
        ajvOk = validate(value);
        if (!ajvOk) ajvWhy = ajv.errorsText(validate.errors, { separator: "; " });
    } catch (e) {
        ajvOk = false;
        ajvWhy = `JSON.parse: ${e.message}`;
    }
    const r = byFile.get(files[i]);
    let ogiOk;
    let ogiWhy = "";
    if (!r || !Array.isArray(r.diagnostics)) {
        ogiOk = undefined;
        ogiWhy = "no result from ogi validate";
    } else {
        const structural = r.diagnostics.filter((d) => STRUCTURAL.has(d.rule));
        ogiOk = structural.length === 0;
        ogiWhy = structural.map((d) => `${d.rule} ${d.path || "/"}: ${d.message}`).join("; ");
    }
    const ok = ajvOk === c.expect && ogiOk === c.expect;
    record(ok, `${c.name}  expected=${verdict(c.expect)}  ajv=${verdict(ajvOk)}  ogi=${ogiOk === undefined ? "?" : verdict(ogiOk)}`);
    if (!ok) {
        if (ajvWhy) console.log(`      ajv: ${ajvWhy}`);
        if (ogiWhy) console.log(`      ogi: ${ogiWhy}`);
        if (process.env.OGI_KEEP_TMP) console.log(`      file: ${files[i]}`);
    }
});

if (process.env.OGI_KEEP_TMP) console.log(`(documents kept in ${dir})`);
else fs.rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
