// The page of `ogi serve` in headless Chromium, used as a reviewer would (docs/serve.md): upload
// corpus files and report JSON at once, see the table fill with progress, sort it, open a report
// and see its marked cells and the source beside them, edit a cell by keyboard and see the
// finding go, compare two years, sum a selection into a 汇总 report, download the CSV, switch to
// English, print. Any console error, page error or CSP violation fails the test, and so does
// anything a user uploaded that is not shown as text.
//
// Usage: node tests/serve/browser.mjs path/to/ogi [SCREENSHOT.png]
// (CHROMIUM names the browser, default /usr/bin/chromium.)
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const ogi = process.argv[2];
const screenshot = process.argv[3];
if (!ogi) { console.error("usage: node browser.mjs OGI [SCREENSHOT]"); process.exit(2); }
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "ogi-serve-browser-"));
const downloads = path.join(work, "downloads");
fs.mkdirSync(downloads);
let server, browser;
let failures = 0;
const ok = (cond, what) => {
  if (cond) { console.log(`ok - ${what}`); return; }
  console.log(`not ok - ${what}`);
  failures++;
};
const fail = async (what) => {
  console.error(`FAIL: ${what}`);
  await cleanup();
  process.exit(1);
};
async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  if (server) server.kill("SIGTERM");
  fs.rmSync(work, { recursive: true, force: true });
}
// Whatever goes wrong, the server and the browser are not left behind.
process.on("uncaughtException", (e) => fail(`uncaught: ${e.stack || e}`));
process.on("unhandledRejection", (e) => fail(`unhandled: ${e && e.stack ? e.stack : e}`));
const overall = setTimeout(() => fail("the test took over 150 s"), 150000);

// ---- the files a reviewer would drop: real corpus texts, report JSON with a slip, hostile names
const slip = JSON.parse(fs.readFileSync(path.join(src, "examples/data/liucheng-2020.json"), "utf8"));
slip.applications.carried_forward.natural_person = 1;  // 四、结转下年度 / 自然人: 1 where 0 balances
const slipFile = path.join(work, "liucheng-2020-slip.json");
fs.writeFileSync(slipFile, JSON.stringify(slip, null, 2));
const hostile = JSON.parse(fs.readFileSync(path.join(src, "examples/data/liucheng-2020.json"), "utf8"));
hostile.agency.name = '<img src=x onerror="window.__pwned=1">机关<script>window.__pwned=1</script>';
const hostileFile = path.join(work, '<b onmouseover="window.__pwned=1">x<b>.json');
fs.writeFileSync(hostileFile, JSON.stringify(hostile));
const notJson = path.join(work, "broken.json");
fs.writeFileSync(notJson, '{"edition": "2021",');
const image = path.join(work, "scan.png");
fs.writeFileSync(image, Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));
const corpus = ["tests/corpus/seed/liucheng-2020.txt", "tests/corpus/reports/pingtan-2020.txt",
  "tests/corpus/reports/pingtan-2021.txt", "tests/corpus/reports/hongze-2023.pdftotext-layout.txt",
  "tests/fuzz/seeds/html/applications-2021.html"].map((f) => path.join(src, f));
const uploads = [...corpus, slipFile, hostileFile, notJson, image];

// ---- the server, on a free loopback port
server = spawn(ogi, ["serve", "--port", "0", "--jobs", "2"], { stdio: ["ignore", "ignore", "pipe"] });
let serverLog = "";
const port = await new Promise((resolve, reject) => {
  server.stderr.on("data", (d) => {
    serverLog += d;
    const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(serverLog);
    if (m) resolve(Number(m[1]));
  });
  server.on("exit", (code) => reject(new Error(`ogi serve exited (${code}): ${serverLog}`)));
}).catch((e) => fail(e.message));
const base = `http://127.0.0.1:${port}/`;

browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  userDataDir: path.join(work, "profile"),
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--lang=zh-CN"],
});
const page = await browser.newPage();
await page.setViewport({ width: 1440, height: 1000 });
const problems = [];
// The one error expected: Chromium logs the 415 the image gets (a refusal the page shows).
let refused415 = 0;
page.on("console", (m) => {
  if (!["error", "warn", "warning"].includes(m.type())) return;
  if (/status of 415/.test(m.text())) { refused415++; return; }
  problems.push(`console ${m.type()}: ${m.text()}`);
});
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
page.on("dialog", async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
const cdp = await page.createCDPSession();
await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });

await page.goto(base, { waitUntil: "networkidle0" });
await page.evaluate(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)));
ok((await page.$eval(".brand span", (n) => n.textContent)) === "政府信息公开工作年度报告审核", "the page opens in Chinese");
ok(await page.$eval("html", (n) => n.lang === "zh-CN"), "the page says it is Chinese (lang=zh-CN)");

// ---- upload everything at once; the table fills, with progress
const input = await page.$("#files");
await input.uploadFile(...uploads);
await page.waitForFunction((n) => /全部 (\d+) 个文件已处理/.test(document.getElementById("progress-text").textContent) &&
  document.querySelectorAll("#report-rows tr").length === n, { timeout: 60000 }, uploads.length);
ok(true, `${uploads.length} files uploaded; the progress line says all are done`);
ok(await page.$eval("#progress", (p) => p.value === p.max && p.max > 0), "the progress bar is full");

const rows = async () => page.$$eval("#report-rows tr", (trs) => trs.map((tr) => {
  const c = tr.querySelectorAll("td");
  return { file: c[1].textContent, agency: c[2].textContent, year: c[3].textContent, edition: c[4].textContent,
    errors: c[5].textContent, warnings: c[6].textContent, state: c[7].textContent };
}));
let table = await rows();
const row = (name) => table.find((r) => r.file === name);
// ---- and one more dropped on the drop zone, as from a file manager
const dropped = fs.readFileSync(path.join(src, "examples/data/huaian-2024.json"), "utf8");
await page.evaluate((text) => {
  const dt = new DataTransfer();
  dt.items.add(new File([text], "huaian-2024.json", { type: "application/json" }));
  const zone = document.getElementById("drop");
  for (const type of ["dragenter", "dragover", "drop"])
    zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
}, dropped);
await page.waitForFunction(() => Array.from(document.querySelectorAll("#report-rows tr")).some((tr) =>
  tr.querySelector("td.file").textContent === "huaian-2024.json" && tr.querySelectorAll("td")[7].textContent === "通过"), { timeout: 20000 });
ok(true, "a file dropped on the drop zone is checked and passes");
ok(/全部 1 个文件已处理/.test(await page.$eval("#progress-text", (p) => p.textContent)), "the progress line counts the new drop");

if (screenshot) {  // the list, as a reviewer sees it after dropping the files
  const list = screenshot.replace(/\.png$/, "-list.png");
  await page.screenshot({ path: list });
  ok(fs.statSync(list).size > 50000, `screenshot written to ${list}`);
}
ok(row("liucheng-2020.txt") && row("liucheng-2020.txt").agency === "南安市柳城街道办事处" && row("liucheng-2020.txt").year === "2020",
  "the seed text was read: agency and year in its row");
ok(row("liucheng-2020.txt").errors === "0" && row("liucheng-2020.txt").state === "通过", "the seed report passes");
ok(row("liucheng-2020-slip.json").errors === "2" && row("liucheng-2020-slip.json").state === "未通过",
  "the JSON with a slip has its 2 errors");
ok(row("hongze-2023.pdftotext-layout.txt").errors === "2", "hongze 2023 (pdftotext) has its 2 errors (OGI-T4-TOTAL)");
ok(row("pingtan-2021.txt").agency === "平潭综合实验区" && row("pingtan-2021.txt").year === "2021", "pingtan 2021 read");
ok(row("applications-2021.html") !== undefined, "an HTML page is read");
ok(row("broken.json").state === "不是有效的报告", "JSON that is not JSON says so");
ok(row("scan.png").state === "无法读取", "an image is refused (415) and says so");
const hostileRow = row(path.basename(hostileFile));
ok(hostileRow && hostileRow.agency === hostile.agency.name, "a hostile agency name and file name are shown as text");

// ---- sort by errors, descending
await page.click('th[data-key="errors"] button');
await page.click('th[data-key="errors"] button');
table = await rows();
const errs = table.map((r) => Number(r.errors));
ok(errs.every((v, i) => i === 0 || errs[i - 1] >= v), `sorted by errors, descending (${errs.join(",")})`);
ok(await page.$eval('th[data-key="errors"]', (th) => th.getAttribute("aria-sort")) === "descending", "aria-sort says so");

// ---- open hongze 2023: marked cells, findings, the source beside them
const open = async (name) => {
  await page.evaluate((n) => Array.from(document.querySelectorAll("#report-rows td.file button")).find((b) => b.textContent === n).click(), name);
  await page.waitForFunction((n) => {
    const d = document.getElementById("detail");
    return !d.hidden && d.dataset.file === n && d.getAttribute("aria-busy") === "false" &&
      document.querySelectorAll("#drawing td[data-path]").length > 0;
  }, { timeout: 20000 }, name);
};
await open("hongze-2023.pdftotext-layout.txt");
const cellClass = (p) => page.evaluate((p) => {
  const td = Array.from(document.querySelectorAll("#drawing td[data-path]")).find((t) => t.dataset.path === p);
  return td ? td.className : null;
}, p);
const target = "/reviews/administrative_review/total";
ok((await cellClass(target) || "").split(" ").includes("error"), "the cell of the finding is marked as an error");
ok(await page.$eval("#drawing", (d) => d.querySelectorAll("table").length === 3), "the three official tables are drawn");
const findings = () => page.$$eval("#findings li", (lis) => lis.map((li) => li.querySelector(".rule").textContent + " " + li.dataset.path));
ok((await findings()).includes(`OGI-T4-TOTAL ${target}`), "the finding is listed");
await page.evaluate((p) => Array.from(document.querySelectorAll("#findings li")).find((li) => li.dataset.path === p).click(), target);
const hit = await page.evaluate(() => {
  const line = document.querySelector("#source .line.hit");
  return line ? { line: line.dataset.line, mark: (line.querySelector("mark") || {}).textContent } : null;
});
const provenance = await page.evaluate((p) => {
  const td = Array.from(document.querySelectorAll("#drawing td[data-path]")).find((t) => t.dataset.path === p);
  return td && td.classList.contains("selected");
}, target);
ok(hit && hit.line === "149" && hit.mark === "0", `the source line the cell was read from is highlighted (${JSON.stringify(hit)})`);
ok(provenance, "clicking the finding selects its cell");
if (screenshot) {
  await page.screenshot({ path: screenshot, fullPage: false });
  ok(fs.statSync(screenshot).size > 50000, `screenshot written to ${screenshot}`);
}

// ---- edit the cell with the keyboard: Tab to it, Enter, type, Enter
await page.focus(`#drawing td[data-path="${target}"]`);
await page.keyboard.press("Enter");
await page.waitForSelector("#drawing td input");
await page.keyboard.down("Control"); await page.keyboard.press("a"); await page.keyboard.up("Control");
await page.keyboard.type("11");
await page.keyboard.press("Enter");
await page.waitForFunction((p) => !Array.from(document.querySelectorAll("#findings li")).some((li) => li.dataset.path === p), { timeout: 20000 }, target);
ok(!(await findings()).includes(`OGI-T4-TOTAL ${target}`), "after the edit the finding is gone");
ok(!((await cellClass(target)) || "").split(" ").includes("error"), "and the cell is no longer marked");
ok(((await cellClass(target)) || "").split(" ").includes("edited"), "the edited cell is shown as edited");
ok((await page.$eval("#detail-verdict", (v) => v.textContent)).includes("错误 1 个"), "the verdict counts the one error left");
table = await rows();
ok(row("hongze-2023.pdftotext-layout.txt").errors === "1" && row("hongze-2023.pdftotext-layout.txt").state.includes("已修改"),
  "the table row follows the edit");

// ---- the JSON with the slip: edit by mouse, and the report goes valid
await open("liucheng-2020-slip.json");
const slipCell = "/applications/carried_forward/natural_person";
ok((await cellClass(slipCell) || "").split(" ").includes("error"), "the slipped cell is marked");
await page.click(`#drawing td[data-path="${slipCell}"]`);
await page.waitForSelector("#drawing td input");
await page.$eval("#drawing td input", (i) => { i.value = "0"; });
await page.keyboard.press("Enter");
await page.waitForFunction(() => document.getElementById("detail-verdict").textContent.startsWith("通过"), { timeout: 20000 });
ok(await page.$eval("#findings", (l) => !l.querySelector("li.error")), "no error is left after fixing the slip");
await page.click("#download-json");

// ---- the hostile report, drawn: its name is text, nothing ran
await open(path.basename(hostileFile));
ok(await page.evaluate(() => window.__pwned === undefined && !document.querySelector("#main img, #drawing script")),
  "nothing a user uploaded became markup or ran");
ok((await page.$eval("#drawing h1", (h) => h.textContent)).includes("<script>"), "the hostile name is drawn as text");

// ---- compare two years of one agency
const tick = (names) => page.evaluate((ns) => {
  for (const tr of document.querySelectorAll("#report-rows tr")) {
    const box = tr.querySelector("input[type=checkbox]");
    if (box.checked !== ns.includes(tr.querySelector("td.file button").textContent)) box.click();
  }
}, names);
await tick(["pingtan-2020.txt", "pingtan-2021.txt"]);
await page.click("#compare-selected");
await page.waitForFunction(() => !document.getElementById("compare-view").hidden &&
  document.querySelectorAll("#compare-figures tbody tr").length > 0 && document.getElementById("compare-verdict").textContent);
ok((await page.$eval("#compare-title", (h) => h.textContent)).includes("2020 年与 2021 年"), "the comparison of 2020 and 2021 is shown");
ok(await page.$eval("#compare-figures tbody", (b) => b.rows.length === 7), "with the main figures year on year");

// ---- sum a selection into a 汇总 report
await tick(["liucheng-2020.txt", "liucheng-2020-slip.json"]);
await page.click("#sum-selected");
await page.waitForFunction(() => Array.from(document.querySelectorAll("#report-rows td.file button")).some((b) => b.textContent === "汇总（2份报告）.json") &&
  document.getElementById("detail-title").textContent.startsWith("汇总"), { timeout: 20000 });
ok(true, "the 汇总 of two reports is added to the table and opened");
table = await rows();
ok(row("汇总（2份报告）.json").year === "2020", "the 汇总 has their year");

// ---- the CSV of all
await page.select("#csv-form", "wide");
await page.click("#download-csv");
const csvName = path.join(downloads, "ogi-reports-wide.csv");
const deadline = Date.now() + 20000;
while (!fs.existsSync(csvName) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
const csv = fs.existsSync(csvName) ? fs.readFileSync(csvName, "utf8") : "";
const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
ok(lines[0].startsWith("file,agency,year,edition,published_on,"), "the CSV has the wide header");
const readable = table.filter((r) => !["不是有效的报告", "无法读取"].includes(r.state)).length;
ok(lines.length === 1 + readable, `the CSV has a line for each of the ${readable} reports (${lines.length - 1})`);
ok(lines.some((l) => l.startsWith("hongze-2023.pdftotext-layout.txt,") && l.includes("洪泽区人民政府")), "the CSV names file and agency");
ok(fs.existsSync(path.join(downloads, "liucheng-2020-slip.json")) &&
  JSON.parse(fs.readFileSync(path.join(downloads, "liucheng-2020-slip.json"), "utf8")).applications.carried_forward.natural_person === 0,
  "the downloaded report JSON has the edit");

// ---- English, and print
// from the keyboard: Tab to the switch and press Enter
await page.focus("#lang-switch");
await page.keyboard.press("Enter");
const english = await page.waitForFunction(() => document.querySelector(".brand span").textContent.startsWith("Review of Open Government"),
  { timeout: 10000 }).then(() => true, () => false);
ok(english, "the English switch works");
ok(await page.$eval("html", (n) => n.lang === "en"), "and the page says it is English");
ok((await page.$eval("#detail-verdict", (v) => v.textContent)) !== "" && (await page.$eval('th[data-key="errors"] button', (b) => b.textContent)) === "Errors",
  "the table and the open report are in English too");
await page.focus("#lang-switch");
await page.keyboard.press("Enter");
await page.waitForFunction(() => document.querySelector(".brand span").textContent === "政府信息公开工作年度报告审核", { timeout: 10000 });
await page.emulateMediaType("print");
ok(await page.evaluate(() => getComputedStyle(document.getElementById("upload")).display === "none" &&
  getComputedStyle(document.querySelector(".bar")).display === "none"), "the print stylesheet leaves out the controls");
await page.emulateMediaType("screen");

ok(refused415 === 1, `one 415 logged, for the image (${refused415})`);
ok(problems.length === 0, `no console error, page error, dialog or CSP violation${problems.length ? ": " + problems.join(" | ") : ""}`);
clearTimeout(overall);
await cleanup();
console.log(`${failures === 0 ? "browser test: passed" : `browser test: ${failures} failed`}`);
process.exit(failures === 0 ? 0 : 1);
