"""Watches a folder with Linux inotify, so the bench sees the moment a save lands on disk.

Polling `stat` would add its own period to every figure; inotify wakes `select` the moment the
kernel finishes a rename or a write, and the bench stamps that wake-up.
"""

import ctypes
import ctypes.util
import os
import select
import struct
import time

IN_MODIFY = 0x002
IN_CLOSE_WRITE = 0x008
IN_MOVED_TO = 0x080
IN_CREATE = 0x100
IN_NONBLOCK = 0o4000

_libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
_EVENT = struct.Struct("iIII")


class FolderWatch:
    """Events (stamp, mask, name) for files created, written or renamed into one folder."""

    def __init__(self, folder):
        self.fd = _libc.inotify_init1(IN_NONBLOCK)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")
        mask = IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE
        if _libc.inotify_add_watch(self.fd, os.fsencode(folder), mask) < 0:
            raise OSError(ctypes.get_errno(), "inotify_add_watch failed on %s" % folder)

    def events(self, timeout=0.0):
        """Waits up to `timeout` for events; returns [(stamp, mask, name)], maybe empty."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return []
        stamp = time.perf_counter()
        out = []
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                break
            offset = 0
            while offset < len(data):
                _, mask, _, length = _EVENT.unpack_from(data, offset)
                name = data[offset + _EVENT.size: offset + _EVENT.size + length].rstrip(b"\0").decode()
                out.append((stamp, mask, name))
                offset += _EVENT.size + length
        return out

    def close(self):
        os.close(self.fd)
