"""Gather concurrent analyze requests into one ``Analyzer.analyze_batch`` call.

Requests that arrive while a batch is running wait for the next one, so under load each call to the detectors
carries many documents (detectors are batch-first) and the event loop never blocks on the analyzer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from starlette.concurrency import run_in_threadpool

from kiemchung.analyzer import Analyzer
from kiemchung.types import Document, Report


class AnalyzeBatcher:
    """``await batcher.analyze(doc)``: one report, computed in a batch with whatever else is waiting."""

    def __init__(self, analyzer: Analyzer, max_batch: int = 64) -> None:
        self.analyzer = analyzer
        self.max_batch = max_batch
        self._queue: asyncio.Queue[tuple[Document, asyncio.Future[Report]]] | None = None
        self._worker: asyncio.Task[None] | None = None

    def _ensure_worker(self) -> asyncio.Queue[tuple[Document, asyncio.Future[Report]]]:
        loop = asyncio.get_running_loop()
        if (
            self._queue is None
            or self._worker is None
            or self._worker.done()
            or self._worker.get_loop() is not loop
        ):
            self._queue = asyncio.Queue()
            self._worker = loop.create_task(self._run(self._queue))
        return self._queue

    async def analyze(self, doc: Document) -> Report:
        queue = self._ensure_worker()
        fut: asyncio.Future[Report] = asyncio.get_running_loop().create_future()
        await queue.put((doc, fut))
        return await fut

    async def analyze_many(self, docs: Sequence[Document]) -> list[Report]:
        return await run_in_threadpool(self.analyzer.analyze_batch, list(docs))

    async def _run(self, queue: asyncio.Queue[tuple[Document, asyncio.Future[Report]]]) -> None:
        while True:
            first = await queue.get()
            items = [first]
            while len(items) < self.max_batch and not queue.empty():
                items.append(queue.get_nowait())
            live = [(d, f) for d, f in items if not f.cancelled()]
            if not live:
                continue
            try:
                reports = await run_in_threadpool(self.analyzer.analyze_batch, [d for d, _ in live])
            except Exception:  # noqa: BLE001 - isolate the failing document: retry one by one
                for d, f in live:
                    try:
                        r = (await run_in_threadpool(self.analyzer.analyze_batch, [d]))[0]
                    except Exception as one_exc:  # noqa: BLE001
                        if not f.done():
                            f.set_exception(one_exc)
                    else:
                        if not f.done():
                            f.set_result(r)
                continue
            for (_, f), r in zip(live, reports, strict=True):
                if not f.done():
                    f.set_result(r)

    async def aclose(self) -> None:
        worker = self._worker
        if worker is not None and not worker.done():
            loop = worker.get_loop()
            if loop is not asyncio.get_running_loop():
                # started by another event loop (several test clients on one app): stop it there
                if not loop.is_closed():
                    loop.call_soon_threadsafe(worker.cancel)
            else:
                worker.cancel()
                try:
                    await worker
                except asyncio.CancelledError:
                    pass
        self._worker = None
        self._queue = None
