"""``POST /v1/analyze`` latency at 50 concurrent clients on loopback (target: p95 ≤ 50 ms, 0 errors).

    python benchmarks/bench_api.py [--clients 50] [--requests 3000] [--max-seconds 60] [--workers 1]
                                   [--client-procs 1] [--think-ms 0] [--bare] [--no-baseline]

The server is ``kiemchung.web.app:create_app`` under uvicorn in its own process(es) (``--workers``, every
installed detector, an in-memory store, an admin token from ``KIEMCHUNG_API_TOKEN``). The load generator is
built to cost the machine as little as possible, so it measures the server and not itself: raw asyncio streams,
one HTTP/1.1 keep-alive connection per client, requests encoded once before the run, run in their own
process(es) (``--client-procs``); each client sends its next request as soon as the previous one answered
(closed loop; ``--think-ms`` adds a pause between a client's requests). Every answer is checked: status 200
and the report's ``text`` equal to the text sent, else it counts as an error. Bounded in count
(``--requests``) and time (``--max-seconds``). Texts are short Vietnamese posts written for this benchmark.

Reported: p50/p95/p99/max latency, requests/s, errors, and the CPU time the clients and the server used
(seconds, and as a share of one core over the run) — on a small machine the clients and the server share the
cores, so a generator that eats the CPU shows up here. Side by side: the same texts through
``Analyzer.analyze`` in process, one at a time (the floor the HTTP layer adds to).

In a closed loop, latency = clients / throughput: 50 clients at p95 ≤ 50 ms needs the server to answer
≥ ~1000 requests/s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    "Sáng nay phường tổ chức dọn vệ sinh kênh rạch, mời bà con tham gia đông đủ.",
    "Ai cần mua rau sạch thì gọi em 0912 345 678 hoặc nhắn zalo nhé.",
    "Chúc mừng bạn trúng thưởng xe máy SH, bấm vào link nhan-qua-tri-an.xyz và nhập mã OTP để nhận.",
    "Đồ ngu, viết bài như thế mà cũng đòi làm nhà báo.",
    "Tuyển cộng tác viên làm tại nhà, like và share bài nhận 500k/ngày, nạp phí kích hoạt 300k.",
    'Bộ trưởng nói: "Chúng ta sẽ tăng học phí ngay năm nay", ai cũng bức xúc.',
    "Uống nước chanh nóng mỗi sáng chữa khỏi ung thư, bác sĩ giấu bạn điều này!",
    "Cảm ơn các bạn đã ủng hộ chương trình quyên góp sách cho trẻ em vùng cao.",
    "Căn cước của chị ấy là 001199012345, mọi người tra giúp.",
    "Mẹ đang cấp cứu, con chuyển gấp 20 triệu vào số tài khoản 0123456789 Vietcombank giúp mẹ.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], q: float) -> float:
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = max(0, min(len(xs) - 1, round(q / 100 * (len(xs) - 1))))
    return xs[k]


def bare_app() -> object:
    """The app with no detector at all: what the web layer alone costs (``--bare``)."""
    from kiemchung.analyzer import Analyzer
    from kiemchung.web.app import create_app

    return create_app(analyzer=Analyzer([]))


def start_server(port: int, token: str, *, bare: bool = False, workers: int = 1) -> subprocess.Popen[bytes]:
    env = {**os.environ, "KIEMCHUNG_API_TOKEN": token}
    env.pop("KIEMCHUNG_DB", None)
    target = "bench_api:bare_app" if bare else "kiemchung.web.app:create_app"
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            target,
            "--app-dir",
            str(ROOT / "benchmarks"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
            "--no-proxy-headers",  # as ``kiemchung serve``
            "--workers",
            str(workers),
        ],
        env=env,
        cwd=str(ROOT),
    )


def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/v1/health", timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server did not start")


# --- the load generator (runs in its own process) ---------------------------------------------------------------


def encode_requests(port: int, token: str) -> list[tuple[bytes, str]]:
    """Each text's whole HTTP/1.1 request, encoded once, with the text the answer must echo."""
    out = []
    for text in TEXTS:
        body = json.dumps({"text": text}, ensure_ascii=False).encode()
        head = (
            f"POST /v1/analyze HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: application/json\r\nAccept: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        out.append((head + body, text))
    return out


async def _one_client(
    port: int,
    requests: list[tuple[bytes, str]],
    offset: int,
    state: dict[str, Any],
    deadline: float,
    think: float,
) -> None:
    latencies: list[float] = state["latencies"]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = offset
    try:
        while state["sent"] < state["total"] and time.perf_counter() < deadline:
            state["sent"] += 1
            raw, text = requests[i % len(requests)]
            i += 1
            t0 = time.perf_counter()
            ok = False
            try:
                writer.write(raw)
                status_line = await reader.readline()
                length = -1
                while True:
                    line = await reader.readline()
                    if line in (b"\r\n", b""):
                        break
                    if line[:15].lower() == b"content-length:":
                        length = int(line[15:])
                status = int(status_line.split(b" ", 2)[1]) if status_line else 0
                body = await reader.readexactly(length) if length >= 0 else b""
                latencies.append(time.perf_counter() - t0)
                ok = status == 200 and json.loads(body).get("text") == text
            except (OSError, ValueError, IndexError, asyncio.IncompleteReadError) as exc:
                latencies.append(time.perf_counter() - t0)
                state["last_error"] = repr(exc)
                # the connection may be broken: open a new one
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            if not ok:
                state["errors"] += 1
            if think > 0:
                await asyncio.sleep(think)
    finally:
        writer.close()


async def run_clients(
    port: int, token: str, clients: int, total: int, max_seconds: float, think_ms: float, seed: int
) -> dict[str, Any]:
    requests = encode_requests(port, token)
    state: dict[str, Any] = {"latencies": [], "errors": 0, "sent": 0, "total": total, "last_error": None}
    start = time.perf_counter()
    deadline = start + max_seconds
    await asyncio.gather(
        *(_one_client(port, requests, seed + i, state, deadline, think_ms / 1000) for i in range(clients))
    )
    state["wall"] = time.perf_counter() - start
    return state


def client_main(argv: list[str]) -> int:
    """``bench_api.py --client-proc PORT TOKEN CLIENTS TOTAL MAX_SECONDS THINK_MS SEED``: prints JSON."""
    port, token, clients, total, max_seconds, think_ms, seed = argv
    cpu0 = time.process_time()
    state = asyncio.run(
        run_clients(int(port), token, int(clients), int(total), float(max_seconds), float(think_ms), int(seed))
    )
    state["cpu"] = time.process_time() - cpu0
    state.pop("total")
    state.pop("sent")
    sys.stdout.write(json.dumps(state))
    return 0


def load(
    port: int, token: str, clients: int, total: int, max_seconds: float, procs: int, think_ms: float
) -> dict[str, Any]:
    """Run the clients, spread over ``procs`` processes (never this one); their results merged."""
    procs = max(1, min(procs, clients))
    shares = [clients // procs + (1 if i < clients % procs else 0) for i in range(procs)]
    children = []
    for n, share in enumerate(shares):
        quota = max(1, total * share // clients)
        cmd = [sys.executable, __file__, "--client-proc", str(port), token, str(share), str(quota)]
        cmd += [str(max_seconds), str(think_ms), str(n * 7)]
        children.append(subprocess.Popen(cmd, stdout=subprocess.PIPE))
    merged: dict[str, Any] = {"latencies": [], "errors": 0, "wall": 0.0, "cpu": 0.0, "last_error": None}
    for child in children:
        out, _ = child.communicate()
        if child.returncode != 0:
            raise RuntimeError(f"a client process failed with code {child.returncode}")
        part = json.loads(out)
        merged["latencies"] += part["latencies"]
        merged["errors"] += part["errors"]
        merged["wall"] = max(merged["wall"], part["wall"])
        merged["cpu"] += part["cpu"]
        merged["last_error"] = merged["last_error"] or part["last_error"]
    return merged


def process_tree_cpu(pid: int) -> float:
    """User + system CPU seconds of ``pid`` and its live children (Linux /proc; 0.0 elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0.0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{p}/task").iterdir():
                kids = (task / "children").read_text().split()
                todo.extend(int(k) for k in kids)
        except (OSError, ValueError, IndexError):
            continue
    return total


def in_process_baseline(n: int = 200) -> tuple[float, float]:
    from kiemchung.analyzer import Analyzer

    analyzer = Analyzer.default()
    analyzer.analyze(TEXTS[0])
    lat = []
    for i in range(n):
        t0 = time.perf_counter()
        analyzer.analyze(TEXTS[i % len(TEXTS)])
        lat.append(time.perf_counter() - t0)
    return statistics.median(lat) * 1000, pct(lat, 95) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--warmup", type=int, default=200)
    ap.add_argument("--max-seconds", type=float, default=60.0)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--target-p95-ms", type=float, default=50.0)
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (default 1)")
    ap.add_argument("--bare", action="store_true", help="no detectors: measure the web layer alone")
    ap.add_argument("--no-baseline", action="store_true", help="skip the in-process comparison")
    ap.add_argument("--client-procs", type=int, default=1, help="processes the clients run in (default 1)")
    ap.add_argument("--think-ms", type=float, default=0.0, help="pause between a client's requests")
    args = ap.parse_args()

    token = secrets.token_urlsafe(24)
    port = args.port or free_port()
    proc = start_server(port, token, bare=args.bare, workers=args.workers)
    try:
        wait_ready(f"http://127.0.0.1:{port}", proc)
        load(port, token, min(args.clients, 10), args.warmup, 30.0, 1, 0.0)
        server_cpu0 = process_tree_cpu(proc.pid)
        res = load(
            port, token, args.clients, args.requests, args.max_seconds, args.client_procs, args.think_ms
        )
        server_cpu = process_tree_cpu(proc.pid) - server_cpu0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    ms = [x * 1000 for x in res["latencies"]]
    wall = max(res["wall"], 1e-9)
    base_p50, base_p95 = (
        in_process_baseline() if not args.bare and not args.no_baseline else (float("nan"), float("nan"))
    )
    p95 = pct(ms, 95)
    what = "no detectors (web layer only)" if args.bare else "every installed detector"
    print(
        f"POST /v1/analyze [{what}, {args.workers} server worker(s), {args.client_procs} client process(es), "
        f"think {args.think_ms:g} ms, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}]"
    )
    print(
        f"  clients={args.clients}  requests={len(ms)}  errors={res['errors']}  "
        f"wall={wall:.1f}s  throughput={len(ms) / wall:.0f} req/s"
    )
    print(f"  latency ms: p50={pct(ms, 50):.1f}  p95={p95:.1f}  p99={pct(ms, 99):.1f}  max={max(ms):.1f}")
    print(
        f"  CPU: clients {res['cpu']:.1f} s ({100 * res['cpu'] / wall:.0f}% of a core), "
        f"server {server_cpu:.1f} s ({100 * server_cpu / wall:.0f}% of a core), "
        f"{1000 * server_cpu / max(len(ms), 1):.2f} ms server CPU per request"
    )
    if res["last_error"]:
        print(f"  last transport error: {res['last_error']}")
    print(f"  in-process Analyzer.analyze, one at a time: p50={base_p50:.2f} ms  p95={base_p95:.2f} ms")
    ok = res["errors"] == 0 and p95 <= args.target_p95_ms
    print(f"  target p95 ≤ {args.target_p95_ms:.0f} ms and 0 errors: {'met' if ok else 'NOT met'}")
    return 0 if res["errors"] == 0 else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--client-proc":
        sys.exit(client_main(sys.argv[2:]))
    sys.exit(main())
