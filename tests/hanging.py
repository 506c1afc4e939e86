"""A dependency that hangs: a listener on 127.0.0.1 that accepts connections and never answers
(an SMTP server or a database stuck mid-way). Closing it ends every connection it holds."""

import socket
import threading
from contextlib import contextmanager


@contextmanager
def hanging_listener(held=None):
    """Yields the port of a server that accepts every connection and never sends a byte. The
    connections it accepted are appended to `held`, when given."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(128)
    server.settimeout(0.1)  # so the accepting thread notices the end of the context
    held, stop = ([] if held is None else held), threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:  # closed: the context is over
                return
            held.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        server.close()
        for connection in held:
            connection.close()
