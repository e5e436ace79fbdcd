"""Worker processes that no input can take down with the others.

Every input is analysed in a forked worker process whose address space is capped
(``RLIMIT_AS``), so that C code (PDFium, libyaml) that allocates without bound fails there
instead of exhausting the machine; the parent kills a worker stuck past the timeout, which a
signal inside the worker cannot do while C code runs; and a worker that dies, however it dies,
loses only the input it was on: the parent gives that input a :class:`Lost` result, forks a
fresh worker and goes on. Workers die with the parent, however the parent dies.

Workers are forked after the parent has built the matcher, so they share it instead of each
building its own. A worker gets several inputs per message (a message per input would make the
parent the bottleneck of a long batch) and sends back one result per input, so the parent
always knows which input a worker is on and since when.
"""

from __future__ import annotations

import ctypes
import faulthandler
import gc
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from skillgap.limits import over_memory_reason

T = TypeVar("T")

#: Seconds the parent waits past the timeout before killing a worker: the worker's own timer
#: (see ``skillgap.limits.time_limit``) ends Python code at the timeout itself, with a report.
GRACE = 0.5
#: Chunks a worker may have queued beyond the one it is on, so that it never waits for the
#: parent between chunks.
CHUNKS_AHEAD = 2


@dataclass(frozen=True)
class Lost:
    """An input whose worker gave no result: killed past the timeout, or dead."""

    item: str
    code: str
    """``timeout`` or ``worker-died``."""
    message: str


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def virtual_memory() -> int | None:
    """This process's address-space size in bytes (what ``RLIMIT_AS`` caps), where known."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@dataclass(frozen=True)
class PoolLimits:
    workers: int
    timeout: float
    """Seconds one input may take; 0 means no limit."""
    max_memory: int
    """Bytes of address space each worker may add to what it has when forked (the analyser
    and the taxonomy, shared with the parent); 0 means no cap."""
    chunk: int = 1
    """Inputs per message to a worker."""
    inputs_per_worker: int = 1000
    """Inputs after which a worker is replaced by a fresh one."""


def run_in_workers(
    run: Callable[[str], T], items: Sequence[str], limits: PoolLimits
) -> Iterator[T | Lost]:
    """``run(item)`` for every item in worker processes, each result yielded in input order
    as soon as it and those before it are done; an input whose worker died or was killed
    yields :class:`Lost`. Workers are killed when the iteration ends, however it ends."""
    # What the parent built (the matcher, the taxonomy) stays out of the workers' garbage
    # collections, which would otherwise write to, and so copy, every page of it.
    gc.freeze()
    pool = _Pool(run, items, limits)
    try:
        yield from pool.results()
    finally:
        pool.close()
        gc.unfreeze()


class _Worker:
    """One worker process, the inputs sent to it and not yet answered, and since when it has
    been on the first of them."""

    def __init__(self, serve: Callable[[Connection], None], others: list[_Worker]) -> None:
        context = multiprocessing.get_context("fork")
        self.connection, child_end = context.Pipe()
        inherited = [worker.connection for worker in others] + [self.connection]
        self.process = context.Process(target=_start, args=(serve, child_end, inherited))
        self.process.daemon = True
        # A stop signal handled during the fork would raise inside the fork's own hooks,
        # which ignore exceptions: it waits until the fork is done.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        child_end.close()
        self.pending: deque[int] = deque()
        self.since = time.monotonic()
        self.sent = 0

    def stop(self, *, kill: bool) -> int | None:
        """End the process (asking it to, unless ``kill``) and return its exit code."""
        if kill and self.process.exitcode is None:
            self.process.kill()
        self.connection.close()  # a worker reads the end of its pipe as "stop"
        self.process.join(None if kill else 5)
        if self.process.exitcode is None:
            self.process.kill()
            self.process.join()
        return self.process.exitcode


class _Pool(Generic[T]):
    def __init__(self, run: Callable[[str], T], items: Sequence[str], limits: PoolLimits) -> None:
        self.run, self.items, self.limits = run, items, limits
        self.todo: deque[int] = deque(range(len(items)))
        self.done: dict[int, T | Lost] = {}
        self.workers: list[_Worker] = []

    def results(self) -> Iterator[T | Lost]:
        for index in range(len(self.items)):
            while index not in self.done:
                self._staff()
                self._feed()
                self._collect()
            yield self.done.pop(index)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop(kill=True)
        self.workers.clear()

    def _staff(self) -> None:
        """Fresh workers while there is work for more, and workers that have done their share
        retired once idle."""
        for worker in [w for w in self.workers if w.sent >= self.limits.inputs_per_worker]:
            if not worker.pending:
                worker.stop(kill=False)
                self.workers.remove(worker)
        active = [w for w in self.workers if w.sent < self.limits.inputs_per_worker]
        for _ in range(min(self.limits.workers - len(active), len(self.todo))):
            self.workers.append(_Worker(self._serve, self.workers))

    def _feed(self) -> None:
        limits = self.limits
        for worker in list(self.workers):
            while self.todo and len(worker.pending) < CHUNKS_AHEAD * limits.chunk:
                size = min(limits.chunk, limits.inputs_per_worker - worker.sent, len(self.todo))
                if size <= 0:
                    break
                chunk = [self.todo.popleft() for _ in range(size)]
                try:
                    worker.connection.send([self.items[index] for index in chunk])
                except OSError:  # it died: the chunk goes to another worker
                    self.todo.extendleft(reversed(chunk))
                    if worker.pending:  # and so does all it had, but the input it died on
                        self._lose(worker, self._death(worker))
                    else:
                        worker.stop(kill=True)
                        self.workers.remove(worker)
                    break
                if not worker.pending:
                    worker.since = time.monotonic()
                worker.pending.extend(chunk)
                worker.sent += size

    def _collect(self) -> None:
        """Wait for results (until the next deadline at most), take them, and deal with
        workers that died or ran out of time."""
        busy = {worker.connection: worker for worker in self.workers if worker.pending}
        for ready in wait(list(busy), self._until_deadline()):
            worker = busy[ready]  # type: ignore[index]
            try:
                while worker.pending and worker.connection.poll():
                    self.done[worker.pending.popleft()] = worker.connection.recv()
                    worker.since = time.monotonic()
            except (EOFError, OSError):
                self._lose(worker, self._death(worker))
        if self.limits.timeout > 0:
            now = time.monotonic()
            for worker in [w for w in self.workers if w.pending]:
                if now - worker.since > self.limits.timeout + GRACE:
                    self._lose(worker, self._expiry(worker))

    def _until_deadline(self) -> float | None:
        if self.limits.timeout <= 0:
            return None
        deadlines = [w.since + self.limits.timeout + GRACE for w in self.workers if w.pending]
        return max(0.0, min(deadlines) - time.monotonic()) if deadlines else None

    def _lose(self, worker: _Worker, reason: tuple[str, str]) -> None:
        """The input ``worker`` was on is lost for ``reason`` (code, message); the inputs
        queued behind it go back to the front of the queue, for other workers."""
        worker.stop(kill=True)
        self.workers.remove(worker)
        index = worker.pending.popleft()
        code, message = reason
        self.done[index] = Lost(self.items[index], code, f"{self.items[index]}: {message}")
        self.todo.extendleft(reversed(worker.pending))

    def _expiry(self, worker: _Worker) -> tuple[str, str]:
        seconds = f"{self.limits.timeout:g}"
        return "timeout", f"gave up after {seconds} seconds (raise it with --timeout)"

    def _death(self, worker: _Worker) -> tuple[str, str]:
        exitcode = worker.stop(kill=True)
        capped = self.limits.max_memory > 0
        # PDFium aborts when an allocation fails: under the cap, an abort is the cap.
        if exitcode == OUT_OF_MEMORY or (capped and exitcode == -signal.SIGABRT):
            return "too-large", self._over_memory()
        if exitcode is not None and exitcode < 0:
            name = signal.Signals(-exitcode).name
            if -exitcode == signal.SIGKILL:
                return "worker-died", f"the process analysing it was killed ({name})"
            hint = ", as a file that needs more than --max-memory may do"
            crash = f"the process analysing it crashed ({name})"
            return "worker-died", crash + (hint if capped else "")
        return "worker-died", f"the process analysing it exited unexpectedly ({exitcode})"

    def _over_memory(self) -> str:
        return over_memory_reason(self.limits.max_memory // 2**20)

    def _serve(self, connection: Connection) -> None:
        """A worker's life: results for each chunk of inputs, until the parent says stop."""
        if self.limits.max_memory and (base := virtual_memory()) is not None:
            cap = base + self.limits.max_memory
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        while True:
            try:
                chunk = connection.recv()
            except (EOFError, OSError):
                return
            for item in chunk:
                try:
                    result = self.run(item)
                    connection.send(result)
                except MemoryError:  # past what ``run`` catches: the parent names the input
                    os._exit(OUT_OF_MEMORY)


#: A worker's exit status when the memory cap stopped it outside what ``run`` handles.
OUT_OF_MEMORY = 75

#: The signals that stop a run (Ctrl-C, kill): the parent's to handle.
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}

#: prctl's option that sends the calling process a signal when its parent dies.
_PR_SET_PDEATHSIG = 1


def _start(serve: Callable[[Connection], None], connection: Connection, inherited: Any) -> None:
    """A forked worker's first steps: die with the parent, whatever kills it; close the pipes
    of the parent and of other workers it inherited (so their ends see it close); leave
    Ctrl-C to the parent, and crashes to the parent to report; then serve."""
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent's pipe closing still ends it
        pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(0)
    for other in inherited:
        other.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    faulthandler.disable()  # a crash is reported by the parent, in one line
    try:
        serve(connection)
    except BaseException:  # a bug: the parent reports the input as lost, without a traceback
        os._exit(1)
