"""Django's PostgreSQL backend, failing fast while the database hangs.

`connect_timeout` (settings) bounds one connection attempt. Without more, every request that
needs the database while it hangs would wait that long again, several times over (routing tries,
then Wagtail's view tries), and gunicorn's threads would fill with waiting requests while cached
pages queue behind them. So after an attempt runs into the timeout, this process answers
"unavailable" at once for PAUSE_SECONDS (the 503 page's Retry-After), then lets one request try
again while the others keep failing fast until that attempt has finished.
"""

import threading
import time

from core.compat import postgresql_backend

PostgreSQLDatabaseWrapper, OperationalError = postgresql_backend()

PAUSE_SECONDS = 10


class ConnectionPause:
    def __init__(self):
        self.lock = threading.Lock()
        self.until = 0.0  # monotonic time before which connecting is not tried

    def admit(self, attempt_seconds):
        """True if this thread may try to connect now; holds the others off while it does."""
        with self.lock:
            now = time.monotonic()
            if now < self.until:
                return False
            if self.until:  # a pause just ended: this thread probes, the others wait for it
                self.until = now + attempt_seconds + 1
            return True

    def opened(self):
        with self.lock:
            self.until = 0.0

    def timed_out(self):
        with self.lock:
            self.until = time.monotonic() + PAUSE_SECONDS


pauses = {}


class DatabaseWrapper(PostgreSQLDatabaseWrapper):
    def get_new_connection(self, conn_params):
        timeout = float(conn_params.get("connect_timeout") or 0)
        pause = pauses.setdefault(self.alias, ConnectionPause())
        if timeout and not pause.admit(timeout):
            raise OperationalError("database did not answer a moment ago; not trying again yet")
        started = time.monotonic()
        try:
            connection = super().get_new_connection(conn_params)
        except OperationalError:
            if timeout and time.monotonic() - started >= timeout * 0.9:
                pause.timed_out()
            else:
                pause.opened()  # refused or rejected at once: nothing hangs, no pause needed
            raise
        pause.opened()
        return connection
