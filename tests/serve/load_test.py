#!/usr/bin/env python3
"""A bounded load on `ogi serve` (docs/serve.md): 20,000 validate requests from 32 kept-alive
clients, then 1,000 extract requests, while 16 stalled clients hold connections open; zero
failures, every run inside its hard time bound, and the server's peak memory (VmHWM) under a
bound. Prints requests per second, p50/p99 latency and peak memory (the figures in docs/serve.md).

Usage: load_test.py OGI OGI_SERVE_LOAD SOURCE_DIR
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

OGI, LOAD, SRC = (os.path.abspath(a) for a in sys.argv[1:4])
work = tempfile.mkdtemp(prefix="ogi-serve-load-")
failures = 0


def check(ok, what):
    global failures
    print(("ok - " if ok else "not ok - ") + what)
    failures += 0 if ok else 1


seed = json.load(open(os.path.join(SRC, "examples/data/liucheng-2020.json"), encoding="utf-8"))
bodies = []
for i in range(8):  # eight reports, two of them with a slip
    r = json.loads(json.dumps(seed))
    r["year"] = 2020
    r["applications"]["new_received"]["natural_person"] += i
    r["applications"]["granted"]["natural_person"] += i
    r["applications"]["total"]["natural_person"] += i
    for key in ("new_received", "granted", "total"):
        r["applications"][key]["total"] += i
    if i % 4 == 3:
        r["applications"]["carried_forward"]["natural_person"] += 1
    path = os.path.join(work, f"r{i}.json")
    json.dump(r, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
    bodies.append(path)

server = subprocess.Popen([OGI, "serve", "--port", "0", "--timeout", "30"], cwd=work, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
line = server.stderr.readline().decode()
if "listening on http://127.0.0.1:" not in line:
    sys.exit(f"ogi serve did not start: {line}")
port = line.rsplit(":", 1)[1].strip().strip("/")


def peak_kib():
    for l in open(f"/proc/{server.pid}/status"):
        if l.startswith("VmHWM:"):
            return int(l.split()[1])
    return 0


def load(path, files, requests, clients, limit):
    t0 = time.time()
    r = subprocess.run([LOAD, "--port", port, "--path", path, "--clients", str(clients), "--requests", str(requests),
                        "--time-limit", str(limit), *files], capture_output=True, text=True, timeout=limit + 30)
    wall = time.time() - t0
    try:
        out = json.loads(r.stdout)
    except ValueError:
        out = {"failures": -1, "first_failure": r.stdout + r.stderr}
    return out, wall


try:
    stalled = []
    for _ in range(16):
        k = socket.create_connection(("127.0.0.1", int(port)))
        k.sendall(b"POST /api/v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{")
        stalled.append(k)
    idle_kib = peak_kib()
    v, wall = load("/api/v1/validate", bodies, 20000, 32, 60)
    check(v.get("failures") == 0 and v.get("answered") == 20000, f"20,000 validate requests from 32 clients: {v.get('failures')} failures ({v.get('first_failure')})")
    check(wall < 70, f"within the hard bound ({wall:.1f} s)")
    e, wall = load("/api/v1/extract?name=liucheng-2020.txt", [os.path.join(SRC, "tests/corpus/seed/liucheng-2020.txt")], 1000, 16, 60)
    check(e.get("failures") == 0 and e.get("answered") == 1000, f"1,000 extract requests from 16 clients: {e.get('failures')} failures ({e.get('first_failure')})")
    peak = peak_kib()
    check(0 < peak < 200 * 1024, f"peak memory of the server {peak / 1024:.1f} MiB (bound 200 MiB; {idle_kib / 1024:.1f} MiB at start)")
    for k in stalled:
        k.close()
    print(f"validate: {v['answered']} requests, {v['clients']} clients, {v['seconds']:.2f} s, {v['rps']:.0f} req/s, "
          f"p50 {v['p50_ms']:.2f} ms, p99 {v['p99_ms']:.2f} ms, max {v['max_ms']:.1f} ms")
    print(f"extract:  {e['answered']} requests, {e['clients']} clients, {e['seconds']:.2f} s, {e['rps']:.0f} req/s, "
          f"p50 {e['p50_ms']:.2f} ms, p99 {e['p99_ms']:.2f} ms, max {e['max_ms']:.1f} ms")
    print(f"server peak memory (VmHWM): {peak / 1024:.1f} MiB")
finally:
    server.send_signal(signal.SIGTERM)
    try:
        code = server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        code = None
check(code == 0, f"the server stops cleanly after the load ({code})")
for f in os.listdir(work):
    os.unlink(os.path.join(work, f))
os.rmdir(work)
print(f"{'load test: passed' if failures == 0 else f'load test: {failures} failed'}")
sys.exit(1 if failures else 0)
