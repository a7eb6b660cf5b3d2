// Prints every *.html file of a directory to a PDF beside it (report-3.html → report-3.pdf), in
// one headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM), A4. Every other page is
// printed with the browser's own header and footer (the date, the title, the file's address and
// "1/3"), as a person printing a page gets them: the reader must drop them. Nothing is fetched
// from the network: the pages are self-contained.
//
// Usage: node tests/pdf/print.mjs DIR
import puppeteer from "puppeteer-core";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node print.mjs DIR");
  process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), "ogi-print-"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  userDataDir: profile,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
const names = readdirSync(dir).filter((n) => n.endsWith(".html")).sort();
let printed = 0;
try {
  // two tabs at once: printing is mostly the browser's layout, one core each
  const print = async (page, index) => {
    const name = names[index];
    await page.goto(pathToFileURL(join(dir, name)).href, { waitUntil: "load" });
    const furniture = index % 2 === 1;
    await page.pdf({ path: join(dir, name.replace(/\.html$/, ".pdf")), format: "A4", printBackground: true,
                     displayHeaderFooter: furniture,
                     margin: furniture ? { top: "18mm", bottom: "18mm", left: "12mm", right: "12mm" } : undefined });
    printed++;
  };
  let next = 0;
  const worker = async () => {
    const page = await browser.newPage();
    while (next < names.length) await print(page, next++);
  };
  await Promise.all([worker(), worker()]);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`printed ${printed} pages to PDF`);
