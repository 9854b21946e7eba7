"""The three programs the bench measures, and how each one is driven.

Each subject says how to open a store, what proves its first frame is complete, which keys move
around its grid, how to start typing into a cell, and how to make it save. The harness measures
all of them by the same rules (see ptyharness.py); only these facts differ.
"""

import re
import sys


class Subject:
    name = "?"
    # Keys that walk around the grid and come back, so every key changes what is shown.
    move_keys = []
    # Characters typed into a cell, cycled.
    typed = "the panel heard that waiting times are long "
    # Why a figure cannot be measured for this program (figure name → reason).
    not_applicable = {}

    def argv(self, store):
        raise NotImplementedError

    def first_frame_ready(self, program, store):
        raise NotImplementedError

    def complete(self, program, store):
        """True once the screen shows everything the store holds; the first frame, by default."""
        return True

    def after_open(self, program):
        """Keys sent once the first frame is timed, to reach the grid (nothing by default)."""

    def start_typing(self, program):
        """Keys (sent and settled before timing starts) that open a cell for typing."""


class Vim(Subject):
    """`vim --clean` on the JSON file: the plain-text floor every figure is compared with."""

    name = "vim"
    move_keys = ["j"]
    not_applicable = {"journal": "vim keeps a swap file, not a journal"}

    def argv(self, store):
        return ["vim", "--clean", store.path]

    def first_frame_ready(self, program, store):
        # The file's first lines and vim's file message ("… 45864L, 2092437B") on the last line:
        # the text is on screen and vim has finished reading the file.
        screen = program.screen.display
        return '"format" : "scrutiny-panel",' in screen[1] and ("%dB" % store.size) in screen[-1]

    def start_typing(self, program):
        program.send("i")

    def save_keys(self):
        return ":w\r"

    def saved(self, program, store):
        return "written" in program.screen.display[-1]

    def clear_message(self, program):
        program.send(':echo "bench"\r')


class VisiData(Subject):
    """VisiData (from PyPI) on the JSON file: a grid program written in Python."""

    name = "VisiData"
    # The top-level object is one row of six columns (format, framework, notes, panel, …).
    move_keys = ["l"] * 5 + ["h"] * 5
    not_applicable = {"save": "saving asks for a file name and a confirmation",
                      "during_save": "saving asks for a file name and a confirmation",
                      "journal": "VisiData has no journal"}

    def argv(self, store):
        return [sys.executable, "-m", "visidata", store.path]

    def first_frame_ready(self, program, store):
        # The notes column shows the count of the notes it read: the whole file is loaded.
        return any(("[%d]" % store.notes) in line for line in program.screen.display[:4])

    def start_typing(self, program):
        program.send("e")  # edit the cell under the cursor ("format")


class Scrutiny(Subject):
    """The workspace: `scrutiny open STORE`, driven with its default keymap."""

    name = "Scrutiny"
    # Right across the dimensions and back, down the criteria and back.
    move_keys = ["<right>"] * 4 + ["<left>"] * 4 + ["<down>"] * 5 + ["<up>"] * 5

    def __init__(self, binary, open_argv):
        self.binary = binary
        self.open_argv = open_argv
        self.not_applicable = {}

    def argv(self, store):
        return [self.binary] + self.open_argv + [store.path]

    def first_frame_ready(self, program, store):
        # A known criterion at the top and at the bottom of the grid, a dimension, and the first
        # words of the top-left cell: the grid is drawn, not just the frame around it.
        text = program.text()
        return all(s in text for s in (store.first_criterion, store.last_criterion,
                                       store.first_dimension, store.first_cell_words))

    def complete(self, program, store):
        # A big store's first frame comes before its notes are decoded ("loading notes…" in the
        # title bar, no counts): the panel is complete when the counts ("3◆") are drawn.
        return "loading notes…" not in program.screen.display[0] and "◆" in program.text()

    def after_open(self, program):
        # The title bar says "saving…"/"saved HH:MM:SS" on its own schedule: not a key's answer.
        program.ignore_rows = frozenset({0})
        program.send("2")  # focus the framework grid (default keymap: "2" = focus-framework)

    def start_typing(self, program):
        program.send("\r")  # edit the selected cell

    def commit_keys(self):
        """Keys that change the document once (edit the cell, type, finish), causing a save."""
        return self.start_commit_keys() + self.finish_commit_key()

    def start_commit_keys(self):
        return "\rx"  # edit the selected cell, type a letter

    def finish_commit_key(self):
        return "\r"  # finish-edit: the change is committed, journalled and saved


def scrutiny_open_argv(binary, run):
    """How this build opens a store: `scrutiny open FILE` when `--help` lists an `open`
    subcommand; None when the build has no workspace yet (older commits)."""
    result = run([binary, "--help"])
    if result is None:
        return None
    if re.search(r"^\s+open\b", result, re.M):
        return ["open"]
    return None
