// ogi serve: the reviewers' page. Everything a user uploaded is shown through textContent and
// DOM calls only; the drawing the server makes is rebuilt from a whitelist of elements and
// attributes (adoptDrawing). No inline script, no eval: the page's CSP forbids both.
"use strict";

const I18N = {
  zh: {
    title: "政府信息公开工作年度报告审核", nav: "页面",
    "upload.title": "上传报告", "upload.drop": "把年报文件拖到这里，可一次拖入多个",
    "upload.kinds": "文本、网页（HTML）、PDF、Word（DOCX）或报告 JSON；JSON 直接检查，其余先读取表格再检查",
    "upload.choose": "选择文件",
    "reports.title": "报告列表", "reports.compare": "比较两年", "reports.sum": "汇总所选", "reports.csvform": "CSV 格式",
    "reports.wide": "每份报告一行", "reports.long": "每个单元格一行", "reports.csv": "下载全部 CSV", "reports.clear": "清空",
    "reports.hint": "勾选两份同一机关相邻年度的报告可比较两年；勾选同一年度的多份报告可汇总。",
    "reports.caption": "已上传的报告，可按列排序", "reports.selectall": "全选", "reports.select": "选择 {0}",
    "col.file": "文件", "col.agency": "机关", "col.year": "年度", "col.edition": "表格格式", "col.errors": "错误",
    "col.warnings": "警告", "col.state": "状态",
    close: "关闭", "detail.json": "下载报告 JSON", "detail.print": "打印",
    "detail.hint": "点击表格中的数字（或用 Tab 选中后按回车）可修改，修改后立即重新检查；点击问题可定位到单元格和原文。",
    "detail.tables": "表格（按官方格式绘制，问题已标出）", "detail.findings": "问题", "detail.source": "原文",
    "detail.nosource": "PDF 和 Word 文件的原文不在此显示；单元格的位置见问题中的行号。",
    "detail.nosourcejson": "这是报告 JSON，没有原文。",
    "compare.figures": "主要数据同比", "compare.figure": "项目", "compare.change": "增减",
    "compare.title": "{0}：{1} 年与 {2} 年比较", "compare.need": "请勾选同一机关的两份报告",
    "token.title": "需要访问令牌", "token.text": "此服务需要令牌。请向管理员索取，并在下面输入。", "token.label": "令牌", "token.ok": "确定",
    foot: "ogi：检查依据为《中华人民共和国政府信息公开条例》和国务院办公厅政府信息公开办公室印发的年度报告格式；上传的文件只用于本次检查，不会保存。",
    progress: "已处理 {0} / {1} 个文件", done: "全部 {0} 个文件已处理",
    "state.waiting": "等待中", "state.reading": "读取中…", "state.checking": "检查中…", "state.ok": "通过", "state.bad": "未通过",
    "state.failed": "无法读取", "state.notreport": "不是有效的报告",
    "verdict.ok": "通过：没有错误（警告 {1} 个，提示 {2} 个）", "verdict.bad": "未通过：错误 {0} 个，警告 {1} 个，提示 {2} 个",
    "compare.ok": "两年数据衔接一致（警告 {1} 个）", "compare.bad": "两年数据不衔接：错误 {0} 个，警告 {1} 个",
    "sev.error": "错误", "sev.warning": "警告", "sev.info": "提示", "finding.read": "读取", "finding.check": "检查",
    "finding.line": "原文第 {0} 行第 {1} 列", "edit.label": "修改 {0}", "blank": "（空）",
    "sum.name": "汇总（{0}份报告）", "error.network": "无法连接服务器：{0}", "edited": "已修改",
    "fig.new": "本年新收申请", "fig.carried": "上年结转申请", "fig.total": "申请处理总计", "fig.forward": "结转下年度",
    "fig.review": "行政复议总计", "fig.direct": "行政诉讼（未经复议）总计", "fig.after": "行政诉讼（复议后）总计",
    "edition.2019": "2019 年试行格式", "edition.2021": "2021 年格式",
  },
  en: {
    title: "Review of Open Government Information annual reports", nav: "Page",
    "upload.title": "Upload reports", "upload.drop": "Drop annual report files here, as many as you like",
    "upload.kinds": "Text, web pages (HTML), PDF, Word (DOCX) or report JSON; JSON is checked as it is, the others are read into tables first",
    "upload.choose": "Choose files",
    "reports.title": "Reports", "reports.compare": "Compare two years", "reports.sum": "Sum the selection", "reports.csvform": "CSV form",
    "reports.wide": "a row per report", "reports.long": "a row per cell", "reports.csv": "Download CSV of all", "reports.clear": "Clear",
    "reports.hint": "Tick two reports of one agency in consecutive years to compare them; tick reports of one year to sum them into a 汇总 report.",
    "reports.caption": "The uploaded reports; sortable by column", "reports.selectall": "Select all", "reports.select": "Select {0}",
    "col.file": "File", "col.agency": "Agency", "col.year": "Year", "col.edition": "Form", "col.errors": "Errors",
    "col.warnings": "Warnings", "col.state": "State",
    close: "Close", "detail.json": "Download report JSON", "detail.print": "Print",
    "detail.hint": "Click a number in the tables (or Tab to it and press Enter) to change it; the checks run again at once. Click a finding to see its cell and its source.",
    "detail.tables": "The tables, drawn as the official form, with the problems marked", "detail.findings": "Findings", "detail.source": "Source text",
    "detail.nosource": "The text of PDF and Word files is not shown here; findings give the line of each cell.",
    "detail.nosourcejson": "This is report JSON: there is no source text.",
    "compare.figures": "Main figures, year on year", "compare.figure": "Figure", "compare.change": "Change",
    "compare.title": "{0}: {1} against {2}", "compare.need": "Tick two reports of one agency",
    "token.title": "A token is needed", "token.text": "This service asks for a token. Ask its administrator for one and enter it below.", "token.label": "Token", "token.ok": "OK",
    foot: "ogi: the checks follow the Regulations on Open Government Information and the annual report forms of the General Office of the State Council; uploaded files are used for this check only and are not kept.",
    progress: "{0} of {1} files done", done: "All {0} files done",
    "state.waiting": "waiting", "state.reading": "reading…", "state.checking": "checking…", "state.ok": "valid", "state.bad": "invalid",
    "state.failed": "unreadable", "state.notreport": "not a valid report",
    "verdict.ok": "Valid: no errors ({1} warnings, {2} notes)", "verdict.bad": "Invalid: {0} errors, {1} warnings, {2} notes",
    "compare.ok": "The two years agree ({1} warnings)", "compare.bad": "The two years disagree: {0} errors, {1} warnings",
    "sev.error": "error", "sev.warning": "warning", "sev.info": "info", "finding.read": "reading", "finding.check": "check",
    "finding.line": "source line {0}, column {1}", "edit.label": "Change {0}", "blank": "(blank)",
    "sum.name": "汇总 of {0} reports", "error.network": "cannot reach the server: {0}", "edited": "changed",
    "fig.new": "New applications", "fig.carried": "Carried over from last year", "fig.total": "Applications handled, total", "fig.forward": "Carried forward",
    "fig.review": "Administrative reviews, total", "fig.direct": "Lawsuits without review, total", "fig.after": "Lawsuits after review, total",
    "edition.2019": "2019 trial form", "edition.2021": "2021 form",
  },
};

let lang = (() => { try { return localStorage.getItem("ogi-lang") === "en" ? "en" : "zh"; } catch (e) { return "zh"; } })();
const t = (key, ...args) => (I18N[lang][key] ?? key).replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
const $ = (id) => document.getElementById(id);
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

// ------------------------------------------------------------------ the API

let token = (() => { try { return sessionStorage.getItem("ogi-token") || ""; } catch (e) { return ""; } })();
let tokenWaiters = null;

function askToken() {
  if (!tokenWaiters) {
    tokenWaiters = [];
    $("token-dialog").hidden = false;
    $("token-input").focus();
  }
  return new Promise((resolve) => tokenWaiters.push(resolve));
}
$("token-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  token = $("token-input").value.trim();
  try { sessionStorage.setItem("ogi-token", token); } catch (e) { /* private mode */ }
  $("token-dialog").hidden = true;
  const waiting = tokenWaiters || [];
  tokenWaiters = null;
  waiting.forEach((w) => w());
});

class ApiError extends Error {
  constructor(status, body) {
    const m = body && body.error && body.error.message;
    super(m ? (m[lang] || m.zh) : `HTTP ${status}`);
    this.status = status;
  }
}

/// POSTs (or GETs) to /api/v1/<path>; answers the parsed JSON, or the text for CSV and drawings.
async function api(path, params, body, as = "json") {
  const query = new URLSearchParams({ lang, ...params });
  for (;;) {
    const headers = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (typeof body === "string") headers["Content-Type"] = "application/json";
    let res;
    try {
      res = await fetch(`/api/v1/${path}?${query}`, { method: body === undefined ? "GET" : "POST", headers, body });
    } catch (e) {
      throw new Error(t("error.network", e.message));
    }
    if (res.status === 401) { await askToken(); continue; }
    if (!res.ok) {
      let parsed = null;
      try { parsed = await res.json(); } catch (e) { /* not JSON */ }
      throw new ApiError(res.status, parsed);
    }
    return as === "json" ? res.json() : res.text();
  }
}

// ------------------------------------------------------------------ the reports

/** Every uploaded file: {id, name, kind, source (text or null), report, readDiags, checkDiags, state, error, edited} */
const items = [];
let nextId = 1;
let openItem = null;
let sortKey = null, sortDir = 1;

const counts = (diags) => ({
  errors: diags.filter((d) => d.severity === "error").length,
  warnings: diags.filter((d) => d.severity === "warning").length,
  infos: diags.filter((d) => d.severity === "info").length,
});
const allDiags = (item) => [...item.readDiags, ...item.checkDiags];

function decodeText(buffer) {
  let bytes = new Uint8Array(buffer);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (e) {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

function kindOf(name, bytes) {
  const head = new Uint8Array(bytes.slice(0, 8));
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return "pdf";
  if (head[0] === 0x50 && head[1] === 0x4b) return "zip";
  if (/\.json$/i.test(name)) return "json";
  return "text";
}

async function addFiles(fileList) {
  const files = Array.from(fileList);
  if (!files.length) return;
  const fresh = files.map((f) => {
    const item = { id: nextId++, name: f.name, file: f, kind: null, source: null, report: null, readDiags: [], checkDiags: [],
      state: "waiting", error: "", edited: false };
    items.push(item);
    return item;
  });
  $("reports").hidden = false;
  renderTable();
  // Files dropped while others are still at work join the same count.
  if (progress.done === progress.total) progress.done = progress.total = 0;
  progress.total += fresh.length;
  $("progress-box").hidden = false;
  showProgress();
  const queue = fresh.slice();
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      await processItem(item);
      progress.done++;
      showProgress();
      renderTable();
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, fresh.length) }, worker));
}

const progress = { done: 0, total: 0 };
function showProgress() {
  $("progress").max = progress.total;
  $("progress").value = progress.done;
  $("progress-text").textContent = progress.done === progress.total ? t("done", progress.total) : t("progress", progress.done, progress.total);
}

async function processItem(item) {
  try {
    const bytes = await item.file.arrayBuffer();
    item.kind = kindOf(item.name, bytes);
    delete item.file;
    if (item.kind === "json") {
      item.state = "checking"; renderTable();
      const text = decodeText(bytes);
      const doc = await api("validate", { name: item.name }, text);
      item.checkDiags = doc.diagnostics;
      try { item.report = JSON.parse(text); } catch (e) { item.report = null; }
      item.state = stateOf(item, doc.valid);
      return;
    }
    if (item.kind === "text") item.source = decodeText(bytes);
    item.state = "reading"; renderTable();
    const res = await fetch(`/api/v1/extract?${new URLSearchParams({ lang, name: item.name, provenance: "1" })}`, {
      method: "POST", body: bytes, headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    if (res.status === 401) { await askToken(); item.file = new Blob([bytes]); return processItem(item); }
    const doc = await res.json().catch(() => null);
    if (!res.ok) throw new ApiError(res.status, doc);
    item.readDiags = doc.diagnostics;
    item.report = doc.report;
    if (!item.report) { item.state = "failed"; item.error = (doc.diagnostics[0] || {}).message || ""; return; }
    item.state = "checking"; renderTable();
    await check(item);
  } catch (e) {
    item.state = "failed";
    item.error = e.message;
  }
}

async function check(item) {
  const doc = await api("validate", { name: item.name }, JSON.stringify(item.report));
  item.checkDiags = doc.diagnostics;
  item.state = stateOf(item, doc.valid);
}

/** A report the schema refuses (OGI-S-*) cannot be drawn, compared, summed or exported. */
const isReport = (item) => item.report && typeof item.report === "object" && !item.checkDiags.some((d) => d.rule.startsWith("OGI-S-"));
const stateOf = (item, valid) => (!isReport(item) ? "notreport" : valid && counts(item.readDiags).errors === 0 ? "ok" : "bad");

function field(item, key) {
  const r = item.report && typeof item.report === "object" ? item.report : {};
  const c = counts(allDiags(item));
  switch (key) {
    case "file": return item.name;
    case "agency": return (r.agency && typeof r.agency.name === "string") ? r.agency.name : "";
    case "year": return Number.isInteger(r.year) ? r.year : "";
    case "edition": return typeof r.edition === "string" ? r.edition : "";
    case "errors": return c.errors;
    case "warnings": return c.warnings;
    case "state": return item.state;
    default: return "";
  }
}

function sortedItems() {
  if (!sortKey) return items;
  const col = new Intl.Collator(lang === "zh" ? "zh-CN" : "en", { numeric: true });
  return items.slice().sort((a, b) => {
    const x = field(a, sortKey), y = field(b, sortKey);
    const r = typeof x === "number" && typeof y === "number" ? x - y : col.compare(String(x), String(y));
    return r * sortDir || a.id - b.id;
  });
}

const selected = new Set();

function renderTable() {
  const body = $("report-rows");
  body.replaceChildren();
  for (const item of sortedItems()) {
    const c = counts(allDiags(item));
    const busy = ["waiting", "reading", "checking"].includes(item.state);
    const stateClass = item.state === "ok" ? "state-ok" : busy ? "state-busy" : "state-bad";
    const box = el("input", { type: "checkbox", "aria-label": t("reports.select", item.name), onchange: (ev) => {
      if (ev.target.checked) selected.add(item.id); else selected.delete(item.id);
      updateSelection();
    } });
    box.checked = selected.has(item.id);
    const openButton = el("button", { type: "button", text: item.name, onclick: () => openDetail(item), disabled: !item.report || busy });
    const stateText = t(`state.${item.state}`) + (item.edited ? ` · ${t("edited")}` : "");
    const stateCell = el("td", { class: stateClass, text: stateText });
    if (item.error) stateCell.title = item.error;
    const countSpan = (n, kind) => el("span", { class: `count ${n ? kind : "zero"}`, text: busy ? "…" : String(n) });
    const edition = field(item, "edition");
    body.append(el("tr", { class: openItem === item ? "open" : "", "data-id": item.id },
      el("td", { class: "select" }, box),
      el("td", { class: "file" }, openButton),
      el("td", { class: "agency", text: field(item, "agency") }),
      el("td", { text: String(field(item, "year")) }),
      el("td", { text: edition ? t(`edition.${edition}`) : "" }),
      el("td", { class: "num" }, countSpan(c.errors, "error")),
      el("td", { class: "num" }, countSpan(c.warnings, "warning")),
      stateCell));
  }
  for (const th of document.querySelectorAll("#report-table th[data-key]"))
    th.setAttribute("aria-sort", th.dataset.key === sortKey ? (sortDir > 0 ? "ascending" : "descending") : "none");
  updateSelection();
}

function selectedItems() { return items.filter((i) => selected.has(i.id) && isReport(i)); }

function updateSelection() {
  const sel = selectedItems();
  $("compare-selected").disabled = sel.length !== 2;
  $("sum-selected").disabled = sel.length < 1;
  const all = $("select-all");
  all.checked = items.length > 0 && items.every((i) => selected.has(i.id));
  all.indeterminate = selected.size > 0 && !all.checked;
}

for (const th of document.querySelectorAll("#report-table th[data-key]")) {
  th.querySelector("button").addEventListener("click", () => {
    if (sortKey === th.dataset.key) sortDir = -sortDir; else { sortKey = th.dataset.key; sortDir = 1; }
    renderTable();
  });
}
$("select-all").addEventListener("change", (ev) => {
  for (const i of items) if (ev.target.checked) selected.add(i.id); else selected.delete(i.id);
  renderTable();
});

// ------------------------------------------------------------------ downloads

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

$("download-csv").addEventListener("click", async () => {
  const ready = items.filter(isReport);
  if (!ready.length) return;
  const form = $("csv-form").value;
  try {
    const csv = await api("export", { form, bom: "1" },
      JSON.stringify({ reports: ready.map((i) => i.report), files: ready.map((i) => i.name) }), "text");
    download(`ogi-reports-${form}.csv`, csv, "text/csv;charset=utf-8");
  } catch (e) { alert(e.message); }
});

$("download-json").addEventListener("click", () => {
  if (!openItem) return;
  const base = openItem.name.replace(/\.[^.]*$/, "");
  download(`${base}.json`, JSON.stringify(openItem.report, null, 2) + "\n", "application/json");
});

$("clear-all").addEventListener("click", () => {
  items.length = 0;
  selected.clear();
  closeDetail();
  $("compare-view").hidden = true;
  $("progress-box").hidden = true;
  progress.done = progress.total = 0;
  $("reports").hidden = true;
  renderTable();
});

// ------------------------------------------------------------------ the drawing

const KEEP_TAGS = new Set(["H1", "H2", "H3", "P", "DIV", "TABLE", "THEAD", "TBODY", "TFOOT", "TR", "TH", "TD", "CAPTION",
  "COLGROUP", "COL", "SPAN", "SUP", "A", "OL", "UL", "LI", "BR", "STRONG", "EM"]);
const KEEP_ATTRS = new Set(["class", "id", "title", "colspan", "rowspan", "data-path", "lang", "scope", "headers", "href"]);

/** The drawing of ogi render, rebuilt element by element from what DOMParser made of the answer
 *  (which runs nothing): only the elements and attributes a table needs; ids get a prefix. */
function adoptDrawing(html) {
  // Only the body: the page's head holds the drawing's own <style>, which this page's CSP refuses
  // (and the page's stylesheet replaces).
  const body = html.indexOf("<body");
  const parsed = new DOMParser().parseFromString(body >= 0 ? html.slice(body) : html, "text/html");
  const copy = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.nodeValue);
    if (node.nodeType !== Node.ELEMENT_NODE || !KEEP_TAGS.has(node.tagName)) return null;
    const out = document.createElement(node.tagName.toLowerCase());
    for (const a of node.attributes) {
      if (!KEEP_ATTRS.has(a.name)) continue;
      if (a.name === "href") { if (/^#[\w-]+$/.test(a.value)) out.setAttribute("href", "#dr-" + a.value.slice(1)); continue; }
      if (a.name === "id" || a.name === "headers") { out.setAttribute(a.name, a.value.split(/\s+/).map((v) => "dr-" + v).join(" ")); continue; }
      out.setAttribute(a.name, a.value);
    }
    for (const c of node.childNodes) { const k = copy(c); if (k) out.append(k); }
    return out;
  };
  const frag = document.createDocumentFragment();
  for (const c of parsed.body.childNodes) { const k = copy(c); if (k) frag.append(k); }
  // The prose sections fold away under their headings, so that the tables come first.
  for (const div of frag.querySelectorAll("div.narrative")) {
    const heading = div.previousElementSibling;
    const summary = el("summary", { text: heading && heading.tagName === "H2" ? heading.textContent : "" });
    if (heading && heading.tagName === "H2") heading.remove();
    const details = el("details", { class: "narrative" }, summary);
    div.replaceWith(details);
    details.append(div);
  }
  return frag;
}

/** The JSON Pointer's value in the report, or undefined. */
function getAt(obj, pointer) {
  let cur = obj;
  for (const part of pointer.split("/").slice(1)) {
    const key = part.replace(/~1/g, "/").replace(/~0/g, "~");
    if (!cur || typeof cur !== "object" || !(key in cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}
function setAt(obj, pointer, value) {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let cur = obj;
  for (const key of parts.slice(0, -1)) {
    if (!cur[key] || typeof cur[key] !== "object") cur[key] = {};
    cur = cur[key];
  }
  cur[parts[parts.length - 1]] = value;
}

/** What a person typed into a cell, as report JSON has it: blank (null), a count, money, a word. */
function parseCell(text, before) {
  const s = text.trim().replace(/[，,\s]/g, "");
  if (s === "" || ["/", "-", "—", "无"].includes(s)) return null;
  if (/^[+-]?\d+$/.test(s)) return Number(s);
  if (/^[+-]?\d+\.\d+$/.test(s)) return s;  // money stays exact, as a string
  return typeof before === "string" ? text.trim() : s;
}

async function openDetail(item) {
  openItem = item;
  $("compare-view").hidden = true;
  const panel = $("detail");
  panel.hidden = false;
  renderTable();
  await refreshDetail({ focus: true });
}

function closeDetail() {
  openItem = null;
  $("detail").hidden = true;
  renderTable();
}
$("detail-close").addEventListener("click", closeDetail);
$("print").addEventListener("click", () => { document.body.classList.add("printing-detail"); window.print(); });
window.addEventListener("afterprint", () => document.body.classList.remove("printing-detail"));

let detailToken = 0;
async function refreshDetail({ focus = false, keepPath = null } = {}) {
  const item = openItem;
  if (!item) return;
  const mine = ++detailToken;
  $("detail").setAttribute("aria-busy", "true");
  const r = item.report;
  const title = `${(r.agency && r.agency.name) || item.name} · ${Number.isInteger(r.year) ? r.year : ""}`;
  $("detail-title").textContent = title;
  let html;
  try {
    const json = JSON.stringify(r);
    const [doc, drawing] = await Promise.all([api("validate", { name: item.name }, json),
      api("render", { to: "html", check: "1" }, json, "text")]);
    if (mine !== detailToken) return;
    item.checkDiags = doc.diagnostics;
    item.state = stateOf(item, doc.valid);
    html = drawing;
  } catch (e) {
    if (mine !== detailToken) return;
    $("drawing").replaceChildren(el("p", { class: "verdict bad", text: e.message }));
    $("detail").setAttribute("aria-busy", "false");
    return;
  }
  $("drawing").replaceChildren(adoptDrawing(html));
  const c = counts(allDiags(item));
  const verdict = $("detail-verdict");
  verdict.textContent = t(c.errors ? "verdict.bad" : "verdict.ok", c.errors, c.warnings, c.infos);
  verdict.className = `verdict ${c.errors ? "bad" : "ok"}`;
  wireCells(item);
  renderFindings(item);
  renderSource(item);
  renderTable();
  $("detail").dataset.file = item.name;  // which report is shown, when it is drawn
  $("detail").setAttribute("aria-busy", "false");
  if (keepPath) {
    const cell = cellAt(keepPath);
    if (cell) cell.focus();
  } else if (focus) {
    $("detail").focus();
    $("detail").scrollIntoView({ block: "start" });
  }
}

const cellAt = (path) => Array.from($("drawing").querySelectorAll("td[data-path]")).find((td) => td.dataset.path === path);

function wireCells(item) {
  for (const td of $("drawing").querySelectorAll("td[data-path]")) {
    td.tabIndex = 0;  // a cell stays a cell for screen readers; Enter edits it (the hint says so)
    td.addEventListener("click", () => editCell(item, td));
    td.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === "F2") { ev.preventDefault(); editCell(item, td); } });
    td.addEventListener("focus", () => showSource(item, td.dataset.path));
    if (item.editedPaths && item.editedPaths.has(td.dataset.path)) td.classList.add("edited");
  }
}

function editCell(item, td) {
  if (td.querySelector("input")) return;
  const path = td.dataset.path;
  selectCell(path);
  showSource(item, path);
  const before = getAt(item.report, path);
  const input = el("input", { type: "text", inputmode: "decimal", "aria-label": t("edit.label", path) });
  input.value = before === null || before === undefined ? "" : String(before);
  const saved = Array.from(td.childNodes);
  td.replaceChildren(input);
  input.focus();
  input.select();
  let finished = false;
  const finish = async (commit) => {
    if (finished) return;
    finished = true;
    const value = parseCell(input.value, before);
    if (!commit || value === before) { td.replaceChildren(...saved); td.focus(); return; }
    setAt(item.report, path, value);
    item.edited = true;
    (item.editedPaths ||= new Set()).add(path);
    await refreshDetail({ keepPath: path });
  };
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") { ev.preventDefault(); finish(true); }
    else if (ev.key === "Escape") { ev.preventDefault(); finish(false); }
  });
  input.addEventListener("blur", () => finish(true));
}

function selectCell(path) {
  for (const td of $("drawing").querySelectorAll("td.selected")) td.classList.remove("selected");
  const cell = path && cellAt(path);
  if (cell) { cell.classList.add("selected"); cell.scrollIntoView({ block: "nearest", inline: "nearest" }); }
}

function renderFindings(item) {
  const list = $("findings");
  list.replaceChildren();
  const add = (d, origin) => {
    const where = [d.path || "/"];
    if (d.line) where.push(t("finding.line", d.line, d.column || 1));
    const li = el("li", { class: d.severity, tabindex: "0", "data-path": d.path || "" },
      el("span", { class: "sev", text: t(`sev.${d.severity}`) }),
      el("span", { class: "rule", text: d.rule }),
      el("span", { class: "origin", text: `(${t(origin)})` }),
      el("span", { class: "where", text: where.join(" · ") }),
      el("span", { class: "message", text: d.message }));
    const go = () => {
      for (const x of list.querySelectorAll("li.current")) x.classList.remove("current");
      li.classList.add("current");
      selectCell(d.path);
      showSource(item, d.path, d.line, d.column);
    };
    li.addEventListener("click", go);
    li.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); go(); } });
    list.append(li);
  };
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = (ds) => ds.slice().sort((a, b) => order[a.severity] - order[b.severity]);
  for (const d of sorted(item.checkDiags)) add(d, "finding.check");
  for (const d of sorted(item.readDiags)) add(d, "finding.read");
}

function renderSource(item) {
  const box = $("source");
  const none = $("source-none");
  if (item.source === null) {
    box.hidden = true;
    none.hidden = false;
    none.textContent = t(item.kind === "json" ? "detail.nosourcejson" : "detail.nosource");
    return;
  }
  none.hidden = true;
  box.hidden = false;
  if (box.dataset.item === String(item.id)) return;
  box.dataset.item = String(item.id);
  const lines = item.source.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const frag = document.createDocumentFragment();
  lines.forEach((text, i) => {
    frag.append(el("div", { class: "line", "data-line": i + 1 }, el("span", { class: "no", text: String(i + 1) }),
      el("span", { class: "text", text: text || " " })));
  });
  box.replaceChildren(frag);
}

/** Highlights in the source the position where the cell at `path` was read (source.provenance),
 *  or the line and column a reading finding gives. */
function showSource(item, path, line, column) {
  const box = $("source");
  if (item.source === null || box.hidden) return;
  for (const x of box.querySelectorAll(".line.hit")) {
    x.classList.remove("hit");
    const text = x.querySelector(".text");
    text.textContent = text.textContent;  // drops the <mark>
  }
  const prov = item.report && item.report.source && item.report.source.provenance;
  if (path && prov && typeof prov[path] === "string") {
    const m = /^(\d+):(\d+)/.exec(prov[path]);
    if (m) { line = Number(m[1]); column = Number(m[2]); }
  }
  if (!line) return;
  const row = box.querySelector(`.line[data-line="${Number(line)}"]`);
  if (!row) return;
  row.classList.add("hit");
  const text = row.querySelector(".text");
  const chars = Array.from(text.textContent);
  const start = Math.max(0, (column || 1) - 1);
  let end = start;
  while (end < chars.length && /[\d.,，\-+]/.test(chars[end])) end++;
  if (end === start) end = Math.min(chars.length, start + 1);
  text.replaceChildren(chars.slice(0, start).join(""), el("mark", { text: chars.slice(start, end).join("") }), chars.slice(end).join(""));
  row.scrollIntoView({ block: "center" });
}

// ------------------------------------------------------------------ compare and sum

const FIGURES = [
  ["fig.new", "/applications/new_received/total"], ["fig.carried", "/applications/carried_over/total"],
  ["fig.total", "/applications/total/total"], ["fig.forward", "/applications/carried_forward/total"],
  ["fig.review", "/reviews/administrative_review/total"], ["fig.direct", "/reviews/litigation_direct/total"],
  ["fig.after", "/reviews/litigation_after_review/total"],
];

$("compare-selected").addEventListener("click", async () => {
  const pair = selectedItems().sort((a, b) => (a.report.year || 0) - (b.report.year || 0));
  if (pair.length !== 2) return;
  const [a, b] = pair;
  const view = $("compare-view");
  closeDetail();
  view.hidden = false;
  $("compare-title").textContent = t("compare.title", (b.report.agency && b.report.agency.name) || b.name, a.report.year, b.report.year);
  $("compare-y1").textContent = String(a.report.year);
  $("compare-y2").textContent = String(b.report.year);
  const list = $("compare-findings");
  list.replaceChildren();
  const verdict = $("compare-verdict");
  try {
    const doc = await api("compare", {}, JSON.stringify({ earlier: a.report, later: b.report }));
    const c = counts(doc.diagnostics);
    verdict.textContent = t(doc.valid ? "compare.ok" : "compare.bad", c.errors, c.warnings);
    verdict.className = `verdict ${doc.valid ? "ok" : "bad"}`;
    for (const d of doc.diagnostics)
      list.append(el("li", { class: d.severity }, el("span", { class: "sev", text: t(`sev.${d.severity}`) }),
        el("span", { class: "rule", text: d.rule }), el("span", { class: "where", text: d.path || "/" }),
        el("span", { class: "message", text: d.message })));
  } catch (e) {
    verdict.textContent = e.message;
    verdict.className = "verdict bad";
  }
  const body = $("compare-figures").tBodies[0];
  body.replaceChildren();
  for (const [label, path] of FIGURES) {
    const x = getAt(a.report, path), y = getAt(b.report, path);
    const num = (v) => (Number.isInteger(v) ? String(v) : "—");
    const change = Number.isInteger(x) && Number.isInteger(y) ? (y - x > 0 ? `+${y - x}` : String(y - x)) : "—";
    body.append(el("tr", {}, el("th", { scope: "row", text: t(label) }), el("td", { class: "n", text: num(x) }),
      el("td", { class: "n", text: num(y) }), el("td", { class: "n", text: change })));
  }
  view.focus();
  view.scrollIntoView({ block: "start" });
});
$("compare-close").addEventListener("click", () => { $("compare-view").hidden = true; });

$("sum-selected").addEventListener("click", async () => {
  const parts = selectedItems();
  if (!parts.length) return;
  try {
    const report = await api("aggregate", {}, JSON.stringify({ parts: parts.map((p) => p.report) }));
    const item = { id: nextId++, name: `${t("sum.name", parts.length)}.json`, kind: "json", source: null, report,
      readDiags: [], checkDiags: [], state: "checking", error: "", edited: false };
    items.push(item);
    renderTable();
    await check(item);
    renderTable();
    await openDetail(item);
  } catch (e) {
    alert(e.message);
  }
});

// ------------------------------------------------------------------ files in, language

const drop = $("drop");
["dragenter", "dragover"].forEach((type) => drop.addEventListener(type, (ev) => { ev.preventDefault(); drop.classList.add("over"); }));
["dragleave", "drop"].forEach((type) => drop.addEventListener(type, () => drop.classList.remove("over")));
drop.addEventListener("drop", (ev) => { ev.preventDefault(); addFiles(ev.dataTransfer.files); });
// A file dropped beside the zone is not opened by the browser (which would leave the page).
window.addEventListener("dragover", (ev) => ev.preventDefault());
window.addEventListener("drop", (ev) => ev.preventDefault());
$("files").addEventListener("change", (ev) => { addFiles(ev.target.files); ev.target.value = ""; });

function applyLang() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = t("title") + " — ogi";
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-aria]")) node.setAttribute("aria-label", t(node.dataset.i18nAria));
  const sw = $("lang-switch");
  sw.textContent = lang === "zh" ? "English" : "中文";
  sw.lang = lang === "zh" ? "en" : "zh-CN";
  sw.setAttribute("aria-label", lang === "zh" ? "Switch to English" : "切换到中文");
  renderTable();
}
$("lang-switch").addEventListener("click", () => {
  lang = lang === "zh" ? "en" : "zh";
  try { localStorage.setItem("ogi-lang", lang); } catch (e) { /* private mode */ }
  applyLang();
  if (openItem) refreshDetail();
});
applyLang();
