"""What every process knows of the message broker's health, shared by the task enqueuer and the
API's rate limits (which count in Redis, the same server in most deployments)."""

import threading
import time


class BrokerCircuit:
    """Remembers, per process, that the broker just failed, so that the next saves skip it for
    a while instead of each waiting out the socket timeout again: with a hung broker a save
    stalls at most once per cool-down, however many tasks it enqueues, and then not at all."""

    def __init__(self) -> None:
        self._open_until = 0.0
        self._lock = threading.Lock()

    def is_open(self) -> bool:
        """True while enqueues should skip the broker."""
        return time.monotonic() < self._open_until

    def trip(self, cooldown: float) -> None:
        with self._lock:
            self._open_until = time.monotonic() + cooldown

    def reset(self) -> None:
        with self._lock:
            self._open_until = 0.0


broker_circuit = BrokerCircuit()
