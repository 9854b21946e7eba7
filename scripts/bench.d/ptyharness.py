"""Runs a terminal program in a real pty and watches its screen through a real terminal emulator.

Timing rule, the same for every program measured: a figure ends at the *read* of the pty after
which the emulated screen shows the expected state. Reads are timestamped the moment they
return, before the emulator parses them, so the emulator's own (Python) speed does not inflate
what is measured: output is drained greedily, stamped, then fed to pyte.

For a keystroke the "expected state" is the screen the program settles on after that key
(text, attributes and cursor position, once the pty has been quiet for `settle` seconds): the
latency is from the write of the key to the first read after which the screen already equals
that settled screen. This needs no knowledge of how each program draws, so vim, VisiData and
Scrutiny are measured by exactly the same rule.
"""

import errno
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time

import pyte

COLUMNS, ROWS = 120, 40
# Cursor-key application mode (CSI ? 1 h), as pyte stores private modes (shifted left by 5).
DECCKM = 1 << 5


class _Screen(pyte.Screen):
    """pyte's screen, tolerant of xterm's private SGR (vim sends CSI > 4;2 m, modifyOtherKeys),
    which pyte 0.8.2 passes with a `private` flag its own handler does not accept."""

    def select_graphic_rendition(self, *attrs, private=False):
        if not private:
            super().select_graphic_rendition(*attrs)


class ProgramExited(Exception):
    pass


class Timeout(Exception):
    pass


class PtyProgram:
    """One program under test: its pid, the pty master, and a pyte screen fed from it."""

    def __init__(self, argv, cwd=None, env=None, watch=None):
        self.argv = argv
        # An optional fswatch.FolderWatch: its events are stamped in the same select as the pty.
        self.watch = watch
        self.fs_events = []
        # Screen rows left out of key latencies: a title bar whose save status or clock changes
        # by itself would otherwise be taken for the key's answer.
        self.ignore_rows = frozenset()
        self.screen = _Screen(COLUMNS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.exit_status = None
        self.rusage = None
        # Signatures of the screen's lines, kept current from pyte's dirty set (cheap to compare).
        self._lines = [None] * ROWS
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal before the program looks at it, then become it
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, env if env is not None else os.environ)
            except BaseException as error:  # noqa: B036 (the child must never return into Python)
                os.write(2, ("exec %s failed: %s\n" % (argv[0], error)).encode())
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        os.set_blocking(fd, False)

    # Reading ------------------------------------------------------------------------------------

    def _drain(self, timeout):
        """Waits up to `timeout` for output, then reads everything available at once.
        Returns (bytes, time of the last read) or (b"", None) when nothing came. Folder events
        that arrive meanwhile are stamped and kept in `fs_events`."""
        deadline = time.perf_counter() + max(0.0, timeout)
        while True:
            fds = [self.fd] + ([self.watch.fd] if self.watch else [])
            ready, _, _ = select.select(fds, [], [], max(0.0, deadline - time.perf_counter()))
            if not ready:
                return b"", None
            if self.watch and self.watch.fd in ready:
                self.fs_events.extend(self.watch.events())
            if self.fd in ready:
                break
        chunks = []
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                break
            except OSError as e:  # EIO: the child closed the pty (it exited)
                if e.errno == errno.EIO:
                    if not chunks:
                        raise ProgramExited("%s exited; screen was:\n%s" % (self.argv[0], self.text())) from None
                    break
                raise
            if not data:
                break
            chunks.append(data)
        stamp = time.perf_counter()
        return b"".join(chunks), stamp

    def _feed(self, data):
        self.stream.feed(data)
        for y in self.screen.dirty:
            if 0 <= y < ROWS:
                row = self.screen.buffer[y]
                self._lines[y] = tuple((c.data, c.fg, c.bg, c.reverse, c.bold, c.underscore)
                                       for c in (row[x] for x in range(COLUMNS)))
        self.screen.dirty.clear()

    def state(self):
        """What the user sees: every line's characters and attributes (but `ignore_rows`), and
        the cursor."""
        lines = tuple(line for y, line in enumerate(self._lines) if y not in self.ignore_rows)
        return (lines, self.screen.cursor.x, self.screen.cursor.y, self.screen.cursor.hidden)

    def text(self):
        return "\n".join(self.screen.display)

    def wait_for(self, predicate, timeout, since):
        """Reads until predicate(self) holds; returns seconds from `since` to the read that made it
        hold. Raises Timeout (with the screen) when it does not within `timeout` seconds."""
        deadline = time.perf_counter() + timeout
        if predicate(self):
            return 0.0
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise Timeout("%s: expected screen not seen in %.1f s; screen was:\n%s"
                              % (self.argv[0], timeout, self.text()))
            data, stamp = self._drain(min(left, 0.5))
            if data:
                self._feed(data)
                if predicate(self):
                    return stamp - since

    def wait_until(self, condition, timeout):
        """Keeps the screen current until condition() gives a value (returned), or None after
        `timeout` seconds. For conditions on `fs_events` rather than on the screen."""
        deadline = time.perf_counter() + timeout
        while True:
            value = condition()
            if value is not None:
                return value
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            data, _ = self._drain(min(left, 0.05))
            if data:
                self._feed(data)

    def settle(self, quiet=0.03, limit=5.0):
        """Reads until the pty has been quiet for `quiet` seconds (at most `limit`)."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            data, _ = self._drain(quiet)
            if not data:
                return
            self._feed(data)

    # Keys ---------------------------------------------------------------------------------------

    ARROWS = {"<up>": "A", "<down>": "B", "<right>": "C", "<left>": "D"}

    def send(self, keys):
        """Writes keys; "<up>", "<down>", "<left>", "<right>" become the bytes a real terminal
        sends in the program's current cursor-key mode (ESC O x once it asked for application
        mode with keypad(), ESC [ x otherwise), exactly as xterm would."""
        if isinstance(keys, str):
            arrow = self.ARROWS.get(keys)
            if arrow:
                keys = ("\x1bO" if DECCKM in self.screen.mode else "\x1b[") + arrow
            keys = keys.encode()
        os.write(self.fd, keys)

    def key_latency(self, key, quiet=0.03, limit=2.0):
        """Writes one key and returns seconds from the write to the first read after which the
        screen equals the screen it settles on; None when the key changed nothing visible.

        "Settles" means the pty stayed quiet for `quiet` seconds *after the screen had changed*:
        a program that stalls before answering (a blocked main loop) is waited for, up to
        `limit`, rather than cut off and blamed on the next key."""
        before = self.state()
        states = []  # (stamp, state after that read)
        pending = []  # reads not yet parsed: parsing waits for a quiet moment, so it costs no time
        sent = time.perf_counter()
        self.send(key)
        deadline = sent + limit
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                break
            data, stamp = self._drain(min(quiet, left) if states or pending else left)
            if data:
                pending.append((stamp, data))
                continue
            for stamp, data in pending:
                self._feed(data)
                states.append((stamp, self.state()))
            pending = []
            if states and states[-1][1] != before:
                break
        for stamp, data in pending:
            self._feed(data)
            states.append((stamp, self.state()))
        final = self.state()
        if final == before:
            return None
        for stamp, state in states:
            if state == final:
                return stamp - sent
        raise AssertionError("unreachable: the last read gives the final state")

    # Ending -------------------------------------------------------------------------------------

    def peak_rss_kib(self):
        """The program's peak resident set (VmHWM), read while it still runs."""
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def wait_exit(self, timeout):
        """Waits for the program to end by itself; returns True when it did."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            try:
                self._drain(0.05)
            except ProgramExited:
                pass
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.exit_status, self.rusage = status, usage
                return True
        return False

    def kill(self):
        """Ends the program (and its process group) if it is still running, and reaps it."""
        if self.exit_status is None:
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.killpg(self.pid, sig)
                except ProcessLookupError:
                    break
                if self.wait_exit(1.0):
                    break
        try:
            os.close(self.fd)
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.kill()
