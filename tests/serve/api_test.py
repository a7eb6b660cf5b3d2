#!/usr/bin/env python3
"""`ogi serve` over loopback: every path, status code and limit of the HTTP contract
(docs/serve.md), each answer compared with what the command line prints for the same input, and
hostile requests (malformed HTTP, huge headers, slow and stalled clients, oversized and malformed
bodies, path traversal) answered with 4xx while the server keeps serving others.

Usage: api_test.py OGI SOURCE_DIR   (exit 0 when every check passes)
"""
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

OGI, SRC = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
WORK = tempfile.mkdtemp(prefix="ogi-serve-api-")
failures = 0
checks = 0


def check(ok, what):
    global failures, checks
    checks += 1
    if ok:
        print(f"ok - {what}")
    else:
        failures += 1
        print(f"not ok - {what}")


def read(path, mode="rb"):
    with open(os.path.join(SRC, path), mode) as f:
        return f.read()


def cli(*args, stdin=None):
    """The command line's stdout for the same job (status 0, 1 or 2 all allowed)."""
    r = subprocess.run([OGI, *args], input=stdin, capture_output=True, cwd=WORK, timeout=60)
    return r.stdout


class Server:
    def __init__(self, *args, cwd=None):
        self.cwd = cwd or tempfile.mkdtemp(dir=WORK)
        self.proc = subprocess.Popen([OGI, "serve", "--port", "0", *args], cwd=self.cwd, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.log = b""
        deadline = time.time() + 10
        while time.time() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                break
            self.log += line
            if b"listening on http://127.0.0.1:" in line:
                self.port = int(line.rsplit(b":", 1)[1].strip(b"/\n"))
                self.drainer = threading.Thread(target=self._drain, daemon=True)
                self.drainer.start()
                return
        raise SystemExit(f"ogi serve did not start: {self.log!r}")

    def _drain(self):
        for line in self.proc.stderr:
            self.log += line

    def request(self, method, target, body=None, headers=None, timeout=30):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        c.request(method, target, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, r, data

    def raw(self, data, timeout=10, wait=None):
        """Sends raw bytes and reads the answer until the server closes (or timeout)."""
        s = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        s.sendall(data)
        if wait:
            time.sleep(wait)
        out = b""
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                out += chunk
        except (socket.timeout, ConnectionResetError):
            pass
        s.close()
        return out

    def alive(self):
        status, _, _ = self.request("GET", "/api/v1/rules", timeout=5)
        return status == 200

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = None
        self.drainer.join(timeout=5)  # the last lines of its log
        return code


def status_of(raw):
    try:
        return int(raw.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return None


def error_body(raw_or_body):
    body = raw_or_body.split(b"\r\n\r\n", 1)[1] if raw_or_body.startswith(b"HTTP/") else raw_or_body
    try:
        e = json.loads(body)["error"]
        return e["code"] if isinstance(e["message"]["zh"], str) and isinstance(e["message"]["en"], str) else None
    except (ValueError, KeyError, TypeError):
        return None


seed_json = read("examples/data/liucheng-2020.json")
slip = json.loads(seed_json)
slip["applications"]["carried_forward"]["natural_person"] = 1
slip_json = json.dumps(slip, ensure_ascii=False).encode()
seed_txt = read("tests/corpus/seed/liucheng-2020.txt")
pingtan = {y: cli("extract", os.path.join(SRC, f"tests/corpus/reports/pingtan-{y}.txt")) for y in (2020, 2021)}
for name, data in [("seed.json", seed_json), ("slip.json", slip_json), ("p2020.json", pingtan[2020]), ("p2021.json", pingtan[2021])]:
    with open(os.path.join(WORK, name), "wb") as f:
        f.write(data)

s = Server("--jobs", "2")
try:
    # ---------------------------------------------------------------- the page
    st, r, body = s.request("GET", "/")
    check(st == 200 and r.getheader("Content-Type") == "text/html; charset=utf-8" and b'src="/app.js"' in body, "GET / is the page")
    csp = r.getheader("Content-Security-Policy") or ""
    check("script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp and "default-src 'none'" in csp,
          "the page has a strict CSP (no inline script or style, no eval)")
    check(r.getheader("X-Content-Type-Options") == "nosniff" and r.getheader("X-Frame-Options") == "DENY", "nosniff, no framing")
    check(b"<script>" not in body and b"style=" not in body and b"http://" not in body.replace(b"http://www.w3.org", b"")
          and b"https://" not in body, "the page has no inline script or style and nothing from elsewhere")
    for path, kind in [("/app.js", "text/javascript; charset=utf-8"), ("/style.css", "text/css; charset=utf-8"), ("/icon.svg", "image/svg+xml")]:
        st, r, body = s.request("GET", path)
        check(st == 200 and r.getheader("Content-Type") == kind and len(body) > 0, f"GET {path}: {kind}")
        check(b"https://" not in body and b"http://" not in body.replace(b"http://www.w3.org", b""), f"{path} loads nothing from elsewhere")
    st, r, body = s.request("HEAD", "/")
    check(st == 200 and body == b"" and int(r.getheader("Content-Length")) > 1000, "HEAD / has the headers and no body")

    # ---------------------------------------------------------------- rules, schema, language
    st, r, body = s.request("GET", "/api/v1/rules")
    check(st == 200 and body == cli("--lang", "zh", "rules", "--format", "json"), "GET /api/v1/rules = ogi rules --format json (zh by default)")
    check(r.getheader("Content-Type") == "application/json; charset=utf-8", "rules are application/json")
    en = cli("--lang", "en", "rules", "--format", "json")
    check(s.request("GET", "/api/v1/rules?lang=en")[2] == en, "?lang=en: English")
    check(s.request("GET", "/api/v1/rules", headers={"Accept-Language": "en-US,en;q=0.9"})[2] == en, "Accept-Language en-US: English")
    check(s.request("GET", "/api/v1/rules", headers={"Accept-Language": "fr-FR, en;q=0.5, zh;q=0.8"})[2] != en,
          "Accept-Language preferring zh over en: Chinese")
    check(s.request("GET", "/api/v1/rules", headers={"Accept-Language": "fr, en;q=0.3"})[2] == en, "Accept-Language fr, en: English")
    check(s.request("GET", "/api/v1/rules?lang=zh", headers={"Accept-Language": "en"})[2] != en, "?lang=zh wins over Accept-Language")
    st, r, body = s.request("GET", "/api/v1/schema")
    check(st == 200 and body == cli("schema"), "GET /api/v1/schema = ogi schema")

    # ---------------------------------------------------------------- validate
    for name, data in [("seed.json", seed_json), ("slip.json", slip_json)]:
        st, _, body = s.request("POST", "/api/v1/validate", data)
        check(st == 200 and body == cli("--lang", "zh", "validate", "--format", "json", "-", stdin=data),
              f"POST /api/v1/validate ({name}) = ogi validate --format json -")
    st, _, body = s.request("POST", "/api/v1/validate?lang=en&name=slip.json", slip_json)
    want = cli("--lang", "en", "validate", "--format", "json", "slip.json")
    check(st == 200 and body == want, "?name= names the file as the command line does")
    st, _, body = s.request("POST", "/api/v1/validate", b'{"edition": "2021",')
    doc = json.loads(body)
    check(st == 200 and doc["valid"] is False and doc["diagnostics"][0]["rule"] == "OGI-S-JSON", "a body that is not JSON is an OGI-S-JSON finding, not an HTTP error")
    st, _, body = s.request("POST", "/api/v1/validate", b"")
    check(st == 200 and json.loads(body)["diagnostics"][0]["rule"] == "OGI-S-JSON", "an empty body too")
    st, _, body = s.request("POST", "/api/v1/validate?werror=1", pingtan[2021])
    check(st == 200 and body == cli("--lang", "zh", "validate", "--werror", "--format", "json", "-", stdin=pingtan[2021]), "?werror=1 = --werror")

    # ---------------------------------------------------------------- extract
    with open(os.path.join(WORK, "liucheng-2020.txt"), "wb") as f:
        f.write(seed_txt)
    st, r, body = s.request("POST", "/api/v1/extract?name=liucheng-2020.txt", seed_txt)
    check(st == 200 and body == cli("--lang", "zh", "extract", "--format", "json", "liucheng-2020.txt"),
          "POST /api/v1/extract = ogi extract --format json")
    st, r, body = s.request("POST", "/api/v1/extract?name=liucheng-2020.txt&provenance=1&validate=1&lang=en", seed_txt)
    check(st == 200 and body == cli("--lang", "en", "extract", "--format", "json", "--with-provenance", "--validate", "liucheng-2020.txt"),
          "?provenance=1&validate=1 = --with-provenance --validate")
    check(json.loads(body)["report"]["source"]["provenance"]["/applications/carried_forward/natural_person"] == "355:2",
          "provenance gives each cell's line:column")
    st, r, body = s.request("POST", "/api/v1/extract?name=liucheng-2020.txt&explain=1&lang=en", seed_txt)
    check(st == 200 and body == cli("--lang", "en", "extract", "--format", "json", "--explain", "liucheng-2020.txt"),
          "?explain=1 = --explain")
    where = json.loads(body)["explain"]["/applications/carried_forward/natural_person"]
    check(where["line"] == 355 and where["basis"] == "row" and where["relations"] == "confirmed"
          and seed_txt[where["offset"]:where["offset"] + where["length"]] == where["text"].encode(),
          "explain gives each cell's place, basis and relations")
    name = "平潭 2020.txt"
    st, _, body = s.request("POST", "/api/v1/extract?name=%E5%B9%B3%E6%BD%AD+2020.txt", read("tests/corpus/reports/pingtan-2020.txt"))
    check(st == 200 and json.loads(body)["report"]["source"]["file"] == name, "a percent-encoded name is decoded")
    html = read("tests/fuzz/seeds/html/applications-2021.html")
    st, _, body = s.request("POST", "/api/v1/extract?name=a.html", html)
    check(st == 200 and "diagnostics" in json.loads(body), "an HTML page is extracted")
    for what, data in [("a PNG image", bytes.fromhex("89504e470d0a1a0a0000000d49484452")),
                       ("a .doc (OLE compound document)", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512),
                       ("a gzip archive", bytes.fromhex("1f8b0800000000000003") + b"\0" * 20)]:
        st, _, body = s.request("POST", "/api/v1/extract?name=x", data)
        check(st == 415 and error_body(body) == "unsupported_kind", f"415 for {what}")
    st, _, body = s.request("POST", "/api/v1/extract?name=x.txt", b"nothing of a report here")
    check(st == 200 and json.loads(body)["report"] is None, "text with no table: 200 with report null and the finding")

    # ---------------------------------------------------------------- render
    for to in ("html", "markdown", "text"):
        st, r, body = s.request("POST", f"/api/v1/render?to={to}&check=1", slip_json)
        check(st == 200 and body == cli("--lang", "zh", "render", "slip.json", "--to", to, "--check"), f"render to={to}&check=1 = ogi render --check")
    st, r, body = s.request("POST", "/api/v1/render?to=html", seed_json)
    check(st == 200 and body == cli("--lang", "zh", "render", "seed.json", "--to", "html"), "render without check")
    check("sandbox" in (r.getheader("Content-Security-Policy") or "") and "script-src" not in r.getheader("Content-Security-Policy"),
          "a drawing answered on its own runs in a sandbox with no script")
    st, _, body = s.request("POST", "/api/v1/render?to=pdf", seed_json)
    check(st == 400 and error_body(body) == "bad_query", "render to=pdf: 400")
    st, _, body = s.request("POST", "/api/v1/render?to=html", b"[1,")
    check(st == 400 and error_body(body) == "bad_json", "render of a body that is not JSON: 400")
    st, _, body = s.request("POST", "/api/v1/render?to=html", b'{"edition": "2021"}')
    check(st == 400 and error_body(body) == "bad_report", "render of JSON that is not a report: 400")

    # ---------------------------------------------------------------- compare
    body_pair = b'{"earlier": ' + pingtan[2020] + b', "later": ' + pingtan[2021] + b"}"
    st, _, body = s.request("POST", "/api/v1/compare", body_pair)
    want = json.loads(cli("--lang", "zh", "compare", "--format", "json", "p2020.json", "p2021.json"))
    want["file"] = "later"
    check(st == 200 and json.loads(body) == want, "POST /api/v1/compare = ogi compare --format json (file: later)")
    st, _, body = s.request("POST", "/api/v1/compare", b'{"earlier": ' + pingtan[2021] + b', "later": ' + pingtan[2020] + b"}")
    check(st == 400 and error_body(body) == "not_comparable", "compare of years that do not follow: 400 not_comparable")
    st, _, body = s.request("POST", "/api/v1/compare?force=1", b'{"earlier": ' + pingtan[2021] + b', "later": ' + pingtan[2020] + b"}")
    check(st == 200 and "valid" in json.loads(body), "?force=1 compares them anyway")
    st, _, body = s.request("POST", "/api/v1/compare", b'{"earlier": ' + pingtan[2020] + b"}")
    check(st == 400 and error_body(body) == "bad_body", "compare without later: 400")
    st, _, body = s.request("POST", "/api/v1/compare", b'{"earlier": {}, "later": {}}')
    check(st == 400 and error_body(body) == "bad_report", "compare of non-reports: 400")

    # ---------------------------------------------------------------- aggregate
    st, _, body = s.request("POST", "/api/v1/aggregate", b'{"parts": [' + seed_json + b"," + slip_json + b"]}")
    check(st == 200 and body == cli("aggregate", "seed.json", "slip.json"), "POST /api/v1/aggregate = ogi aggregate")
    st, _, body = s.request("POST", "/api/v1/aggregate?agency=%E6%B3%89%E5%B7%9E", b'{"parts": [' + seed_json + b"]}")
    check(st == 200 and json.loads(body)["agency"]["name"] == "泉州", "?agency= names the 汇总 report")
    st, _, body = s.request("POST", "/api/v1/aggregate", b'{"parts": [' + pingtan[2020] + b"," + pingtan[2021] + b"]}")
    check(st == 400 and error_body(body) == "not_aggregatable", "aggregate of two years: 400 not_aggregatable")
    st, _, body = s.request("POST", "/api/v1/aggregate", b'{"parts": []}')
    check(st == 400 and error_body(body) == "not_aggregatable", "aggregate of nothing: 400")
    st, _, body = s.request("POST", "/api/v1/aggregate", b'[]')
    check(st == 400 and error_body(body) == "bad_body", "aggregate of an array: 400 bad_body")

    # ---------------------------------------------------------------- export
    reports = b'{"reports": [' + seed_json + b"," + pingtan[2021] + b'], "files": ["seed.json", "p2021.json"]}'
    for form in ("long", "wide"):
        st, r, body = s.request("POST", f"/api/v1/export?form={form}", reports)
        check(st == 200 and r.getheader("Content-Type") == "text/csv; charset=utf-8" and
              body == cli("export", "--form", form, "seed.json", "p2021.json"), f"POST /api/v1/export?form={form} = ogi export --form {form}")
    st, _, body = s.request("POST", "/api/v1/export?form=wide&bom=1", reports)
    check(body == cli("export", "--form", "wide", "--bom", "seed.json", "p2021.json"), "?bom=1 = --bom")
    st, _, body = s.request("POST", "/api/v1/export?form=tall", reports)
    check(st == 400 and error_body(body) == "bad_query", "export form=tall: 400")
    st, _, body = s.request("POST", "/api/v1/export", b'{"reports": [' + seed_json + b'], "files": [1]}')
    check(st == 400 and error_body(body) == "bad_body", "export with files that are not names: 400")

    # ---------------------------------------------------------------- 404, 405, traversal
    for target in ["/nope", "/api/v1/nope", "/api/v2/rules", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                   "/api/v1/../../../etc/passwd", "/index.html/../../etc/shadow", "//etc/passwd", "/app.js/",
                   "/proc/self/environ", "/..%2f..%2fetc%2fpasswd"]:
        st, _, body = s.request("GET", target)
        check(st == 404 and error_body(body) == "not_found" and b"root:" not in body, f"GET {target}: 404")
    for method, target, allow in [("GET", "/api/v1/validate", "POST"), ("PUT", "/api/v1/extract", "POST"),
                                  ("POST", "/api/v1/rules", "GET, HEAD"), ("DELETE", "/", "GET, HEAD"), ("OPTIONS", "/api/v1/render", "POST")]:
        st, r, body = s.request(method, target, b"" if method != "GET" else None)
        check(st == 405 and r.getheader("Allow") == allow and error_body(body) == "method_not_allowed", f"{method} {target}: 405, Allow: {allow}")
    st, _, body = s.request("GET", "/api/v1/rules?lang=%zz")
    check(st == 400 and error_body(body) == "bad_query", "a malformed percent escape: 400")
    out = s.raw(b"GET http://127.0.0.1/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    check(status_of(out) == 400 and error_body(out) == "bad_target", "an absolute-form target: 400")
    out = s.raw(b"GET /api/v1/rules HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
    check(status_of(out) == 400 and error_body(out) == "bad_host", "a Host that is not loopback (DNS rebinding): 400")

    # ---------------------------------------------------------------- hostile HTTP
    for what, data in [("garbage", b"HELLO THERE\r\n\r\n"), ("a bad version", b"GET / HTTP/9.9\r\n\r\n"),
                       ("a bad header line", b"GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n"),
                       ("a bad Content-Length", b"POST /api/v1/validate HTTP/1.1\r\nContent-Length: 12x\r\n\r\n"),
                       ("two Content-Lengths", b"POST /api/v1/validate HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"),
                       ("a bad chunk", b"POST /api/v1/validate HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
                       ("a NUL in the target", b"GET /\x00 HTTP/1.1\r\n\r\n"),
                       ("binary noise", bytes(range(256)) * 4)]:
        out = s.raw(data)
        check(status_of(out) == 400 and error_body(out) is not None, f"malformed HTTP ({what}): 400 with the JSON body")
    out = s.raw(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n")
    check(status_of(out) == 400 and error_body(out) == "headers_too_large", "a 20 KB header: 400 headers_too_large")
    out = s.raw(b"GET /" + b"a" * 40000 + b" HTTP/1.1\r\n\r\n")
    check(status_of(out) == 400 and error_body(out) == "headers_too_large", "a 40 KB request line: 400")
    out = s.raw(b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(3000)) + b"\r\n")
    check(status_of(out) == 400, "3,000 header lines: 400")
    out = s.raw(b"POST /api/v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 33554433\r\n\r\n")
    check(status_of(out) == 413 and error_body(out) == "too_large", "Content-Length of 32 MiB + 1 (the default --max-body): 413 at once")
    st, _, body = s.request("POST", "/api/v1/validate", b" " * (32 << 20) + b"1")
    check(st == 413, "a body of 32 MiB + 1 sent whole: 413")
    st, _, body = s.request("POST", "/api/v1/validate", b" " * ((32 << 20) - 2) + b"{}")
    check(st == 200 and json.loads(body)["valid"] is False, "a body of exactly 32 MiB is read")
    out = s.raw(b"POST /api/v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\n", wait=0.3)
    check(out.startswith(b"HTTP/1.1 100 Continue"), "Expect: 100-continue gets 100 Continue")
    c = http.client.HTTPConnection("127.0.0.1", s.port, timeout=10)
    answers = []
    for _ in range(5):
        c.request("POST", "/api/v1/validate", seed_json)
        answers.append(c.getresponse().read())
    c.close()
    check(all(a == answers[0] for a in answers) and b'"valid": true' in answers[0], "five requests on one kept-alive connection")
    check(s.alive(), "the server still serves after all of the above")
finally:
    code = s.stop()
check(code == 0, f"SIGTERM: the server stops cleanly (status {code})")
check(b"stopped" in s.log, "and says so")

# ---------------------------------------------------------------- slow and stalled clients
s = Server("--timeout", "1", "--max-body", "1000000", "--jobs", "2")
try:
    stalled = []
    for i in range(40):  # half of them stall inside the headers, half inside a body
        k = socket.create_connection(("127.0.0.1", s.port))
        k.sendall(b"POST /api/v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\n" if i % 2 else
                  b"POST /api/v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{\"a\"")
        stalled.append(k)
    t0 = time.time()
    st, _, _ = s.request("POST", "/api/v1/validate", seed_json)
    check(st == 200 and time.time() - t0 < 0.5, f"40 stalled clients do not hold up another ({(time.time() - t0) * 1000:.0f} ms)")
    time.sleep(1.5)
    got = []
    for k in stalled:
        k.settimeout(3)
        try:
            got.append(status_of(k.recv(4096)))
        except OSError:
            got.append(None)
        k.close()
    check(all(g == 408 for g in got), f"each stalled client gets 408 after --timeout ({got.count(408)} of {len(got)})")
    k = socket.create_connection(("127.0.0.1", s.port))
    k.settimeout(3)
    t0 = time.time()
    data = k.recv(4096)
    check(data == b"" and time.time() - t0 < 2.5, "an idle connection is closed after --timeout without a word")
    k.close()
    # a slowloris: a byte every 0.3 s keeps nothing alive past the deadline
    k = socket.create_connection(("127.0.0.1", s.port))
    k.settimeout(5)
    t0, out = time.time(), b""
    try:
        for ch in b"GET /api/v1/rules HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"x" * 20:
            k.sendall(bytes([ch]))
            time.sleep(0.3)
    except OSError:
        pass
    try:
        out = k.recv(4096)
    except OSError:
        pass
    k.close()
    check(status_of(out) == 408 and time.time() - t0 < 4, f"a client sending a byte at a time gets 408 at the deadline ({time.time() - t0:.1f} s)")
    st, _, body = s.request("POST", "/api/v1/validate", b"x" * 1000001)
    check(st == 413, "--max-body 1000000: a body one byte over it gets 413")
    chunked = b"POST /api/v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n" + \
        b"".join(b"%x\r\n%s\r\n" % (100000, b"x" * 100000) for _ in range(11)) + b"0\r\n\r\n"
    out = s.raw(chunked)
    check(status_of(out) == 413, "a chunked body over --max-body: 413")
    check(s.alive(), "the server still serves")
    # in-flight at SIGTERM: a request under way finishes, then the server exits
    k = socket.create_connection(("127.0.0.1", s.port))
    k.settimeout(10)
    k.sendall(b"POST /api/v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\n\r\n" % len(seed_json) + seed_json[:100])
    idle = socket.create_connection(("127.0.0.1", s.port))
    idle.settimeout(10)
    time.sleep(0.2)
    s.proc.send_signal(signal.SIGTERM)
    time.sleep(0.2)
    k.sendall(seed_json[100:])
    out = b""
    try:
        while True:
            chunk = k.recv(65536)
            if not chunk:
                break
            out += chunk
    except OSError:
        pass
    check(status_of(out) == 200 and b'"valid": true' in out and b"Connection: close" in out,
          "a request in flight at SIGTERM is answered (Connection: close)")
    check(idle.recv(10) == b"", "an idle connection is closed at SIGTERM")
    code = s.proc.wait(timeout=10)
    check(code == 0, f"then the server exits 0 ({code})")
finally:
    if s.proc.poll() is None:
        s.stop()

# ---------------------------------------------------------------- connection and memory bounds
s = Server("--timeout", "1", "--max-connections", "4", "--max-memory", "3000")
try:
    held = [socket.create_connection(("127.0.0.1", s.port)) for _ in range(4)]
    time.sleep(0.2)
    t0 = time.time()
    st, _, _ = s.request("GET", "/api/v1/rules", timeout=10)
    waited = time.time() - t0
    check(st == 200 and 0.5 < waited < 5, f"--max-connections 4: a fifth waits for a slot (freed by --timeout) and is served ({waited:.1f} s)")
    for k in held:
        k.close()
    st, r, body = s.request("POST", "/api/v1/validate", b" " * 4000)
    check(st == 503 and error_body(body) == "busy" and r.getheader("Retry-After") == "1",
          "--max-memory 3000: a body of 4000 bytes gets 503 busy with Retry-After")
    st, _, _ = s.request("POST", "/api/v1/validate", b"{}")
    check(st == 200, "and a small one is still served")
finally:
    s.stop()

# ---------------------------------------------------------------- token, store, nothing kept
quiet = tempfile.mkdtemp(dir=WORK)
s = Server("--token", "s3cret-token", cwd=quiet)
try:
    st, r, body = s.request("POST", "/api/v1/validate", seed_json)
    check(st == 401 and error_body(body) == "unauthorized" and r.getheader("WWW-Authenticate", "").startswith("Bearer"), "--token: no token, 401")
    st, _, _ = s.request("POST", "/api/v1/validate", seed_json, headers={"Authorization": "Bearer wrong-token!"})
    check(st == 401, "a wrong token: 401")
    st, _, _ = s.request("POST", "/api/v1/validate", seed_json, headers={"Authorization": "Bearer s3cret-token"})
    check(st == 200, "the token: 200")
    st, _, _ = s.request("GET", "/")
    check(st == 200, "the page itself needs no token (it asks for one)")
    for i in range(5):
        s.request("POST", "/api/v1/extract?name=x.txt", seed_txt, headers={"Authorization": "Bearer s3cret-token"})
finally:
    s.stop()
check(os.listdir(quiet) == [], "nothing a client sent is kept (the server's directory stays empty)")
stored = os.path.join(WORK, "kept")
s = Server("--store", stored)
try:
    s.request("POST", "/api/v1/validate?name=a.json", seed_json)
finally:
    s.stop()
kept = sorted(os.listdir(stored))
check(len(kept) == 2 and kept[0].endswith(".body") and open(os.path.join(stored, kept[0]), "rb").read() == seed_json and
      open(os.path.join(stored, kept[1]), "rb").read() == b"POST /api/v1/validate?name=a.json\n", "--store DIR keeps each body and its request line")
r = subprocess.run([OGI, "serve", "--host", "0.0.0.0", "--port", "0"], capture_output=True, timeout=10)
check(r.returncode == 2 and b"--token" in r.stderr, "--host beyond loopback without --token: refused (exit 2)")
r = subprocess.run([OGI, "serve", "--host", "not-an-address"], capture_output=True, timeout=10)
check(r.returncode == 2, "--host that is not an address: exit 2")

shutil.rmtree(WORK, ignore_errors=True)
print(f"{checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
