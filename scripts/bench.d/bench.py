"""scripts/bench: how fast Scrutiny opens, answers keys, saves, and how much memory it holds,
measured the same way as vim and VisiData on the same files, in one table.

Method (docs/PERFORMANCE.md says more): every program runs in a real pty of 120×40 with
TERM=xterm-256color and a UTF-8 locale; pyte, a real terminal emulator, reads its output.
Figures end at the read after which the screen shows what was expected (ptyharness.py).
"""

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

try:
    import pyte  # noqa: F401
except ImportError:
    sys.exit("scripts/bench needs pyte and visidata: pip install -r scripts/bench-requirements.txt")

import genstore  # noqa: E402
import callgrind  # noqa: E402
from fswatch import IN_CLOSE_WRITE, IN_MODIFY, IN_MOVED_TO, FolderWatch  # noqa: E402
from ptyharness import ProgramExited, PtyProgram, Timeout  # noqa: E402
from report import MS, mib, ms, table  # noqa: E402
from subjects import Scrutiny, Vim, VisiData, scrutiny_open_argv  # noqa: E402



class Store:
    """One generated store and the facts the first-frame tests look for."""

    def __init__(self, label, path, notes):
        self.label, self.path, self.notes = label, path, notes
        self.size = os.path.getsize(path)
        self.first_criterion = genstore.FIRST_CRITERION
        self.last_criterion = genstore.LAST_CRITERION
        self.first_dimension = genstore.FIRST_DIMENSION
        # Its first word only: cells wrap narrowly (a note count can share the first line).
        self.first_cell_words = genstore.FIRST_CELL_TEXT.split()[0]

    def fresh_copy(self, folder):
        """A private copy, so saves by one program never change what the next one opens."""
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, os.path.basename(self.path))
        shutil.copyfile(self.path, path)
        os.chmod(path, 0o600)
        copy = Store(self.label, path, self.notes)
        return copy


def log(message):
    print(message, file=sys.stderr, flush=True)


def median(values):
    return statistics.median(values) if values else None


def p99(values):
    """Nearest-rank 99th percentile: with 200 samples, the 198th smallest."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-99 * len(ordered) // 100))
    return ordered[rank - 1]


class Bench:
    def __init__(self, args, work):
        self.args, self.work = args, work
        self.env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8",
                        HOME=os.path.join(work, "home"), COLUMNS="120", LINES="40",
                        # The copy of the binary that --profile runs lives outside the repo.
                        SCRUTINY_KEYMAPS=os.path.join(REPO, "keymaps"))
        for name in ("TMUX", "STY", "VIMINIT", "EXINIT", "MYVIMRC"):
            self.env.pop(name, None)
        os.makedirs(self.env["HOME"], exist_ok=True)
        self.figures = {}  # subject name → figure name → value (seconds, bytes or a reason string)
        self.notes = {}    # subject name → figure name → short remark (sample counts)

    # Running one program ------------------------------------------------------------------------

    def launch(self, subject, store, watch=None):
        program = PtyProgram(subject.argv(store), cwd=os.path.dirname(store.path), env=self.env, watch=watch)
        started = program.started
        try:
            elapsed = program.wait_for(lambda p: subject.first_frame_ready(p, store), self.args.timeout, started)
            # No key is sent before the whole store is on screen (Scrutiny handles none before),
            # so no key's latency includes the rest of the loading.
            complete = program.wait_for(lambda p: subject.complete(p, store), self.args.timeout, started)
            self.last_complete = max(elapsed, complete)
        except BaseException:
            program.kill()
            raise
        subject.after_open(program)
        return program, elapsed

    def record(self, subject, figure, value, remark=None):
        self.figures.setdefault(subject.name, {})[figure] = value
        if remark:
            self.notes.setdefault(subject.name, {})[figure] = remark

    def rss(self, subject, store, program):
        kib = program.peak_rss_kib()
        if kib is not None:
            key = "rss_" + store.label
            old = self.figures.get(subject.name, {}).get(key)
            value = kib * 1024
            self.record(subject, key, value if not isinstance(old, int) else max(old, value))

    # Figures ------------------------------------------------------------------------------------

    def first_frames(self, subject, stores):
        for store in stores:
            times, completes = [], []
            for _ in range(self.args.runs):
                copy = store.fresh_copy(os.path.join(self.work, subject.name, "first"))
                program, elapsed = self.launch(subject, copy)
                with program:
                    times.append(elapsed)
                    completes.append(self.last_complete)
                    program.settle(0.1)
                    self.rss(subject, store, program)
            self.record(subject, "first_" + store.label, median(times), "median of %d" % len(times))
            log("  %-9s first frame %-5s %8.1f ms" % (subject.name, store.label, median(times) * MS))
            if isinstance(subject, Scrutiny):
                # When the panel is complete: the note counts drawn (after the first frame).
                self.record(subject, "notes_" + store.label, median(completes), "median of %d" % len(completes))
                log("  %-9s notes on screen %-5s %5.1f ms" % (subject.name, store.label, median(completes) * MS))

    def latencies(self, subject, store, figure, prepare=None):
        """Median and p99 of `keys` key latencies: moves, or typing after `prepare`."""
        copy = store.fresh_copy(os.path.join(self.work, subject.name, figure))
        program, _ = self.launch(subject, copy)
        with program:
            program.settle(0.2)
            if prepare:
                prepare(program)
                program.settle(0.2)
            keys = subject.move_keys if figure == "move" else list(subject.typed)
            samples, unchanged = [], 0
            for i in range(self.args.keys):
                latency = program.key_latency(keys[i % len(keys)], quiet=self.args.quiet)
                if latency is None:
                    unchanged += 1
                else:
                    samples.append(latency)
            self.rss(subject, store, program)
        self.record_latency(subject, figure, samples, unchanged)

    def record_latency(self, subject, figure, samples, unchanged, extra=""):
        remark = "%d keys%s%s" % (len(samples), ", %d changed nothing" % unchanged if unchanged else "", extra)
        self.record(subject, figure + "_median", median(samples), remark)
        self.record(subject, figure + "_p99", p99(samples), remark)
        if samples:
            log("  %-9s %-12s median %.3f ms  p99 %.3f ms  (%s)"
                % (subject.name, figure, median(samples) * MS, p99(samples) * MS, remark))

    # Saving: vim --------------------------------------------------------------------------------

    def vim_saving(self, vim, store):
        """`:w` of the big store: how long until vim says "written", and how long a key waits
        when it is pressed while the write runs (vim writes on its main loop)."""
        copy = store.fresh_copy(os.path.join(self.work, vim.name, "save"))
        program, _ = self.launch(vim, copy)
        saves, during = [], []
        with program:
            program.settle(0.2)
            for _ in range(self.args.saves):
                vim.clear_message(program)
                program.settle(self.args.quiet)
                sent = time.perf_counter()
                program.send(vim.save_keys())
                saves.append(program.wait_for(lambda p: vim.saved(p, copy), self.args.timeout, sent))
                program.settle(self.args.quiet)
            # A key pressed right behind `:w` waits for the write: done when vim says "written"
            # and the cursor stands on the line the key moved it to.
            for i in range(self.args.keys):
                vim.clear_message(program)
                program.settle(self.args.quiet)
                key, row = ("j", 1) if i % 2 == 0 else ("k", 0)
                program.send(vim.save_keys())
                sent = time.perf_counter()
                program.send(key)
                during.append(program.wait_for(
                    lambda p: vim.saved(p, copy) and p.screen.cursor.y == row, self.args.timeout, sent))
            self.rss(vim, store, program)
        self.record(vim, "save", median(saves), "median of %d, :w until \"written\"" % len(saves))
        log("  %-9s save %s %.1f ms" % (vim.name, store.label, median(saves) * MS))
        self.record_latency(vim, "during_save", during, 0, ", each right after :w")

    # Saving: Scrutiny ---------------------------------------------------------------------------

    def scrutiny_saving(self, scrutiny, store):
        """Commits an edit and watches the folder: key → journal record, key → store replaced;
        and the latency of moves pressed while such a save is in flight."""
        copy = store.fresh_copy(os.path.join(self.work, scrutiny.name, "save"))
        folder, name = os.path.dirname(copy.path), os.path.basename(copy.path)
        watch = FolderWatch(folder)
        program, _ = self.launch(scrutiny, copy, watch)
        saves, journals, commits, during, unchanged, attempts = [], [], [], [], 0, 0
        walk = 0  # where in the closed walk of move keys we are, kept across saves

        def landed(names, masks, since):
            for stamp, mask, event_name in program.fs_events:
                if stamp >= since and event_name in names and mask & masks:
                    return stamp
            return None

        with program:
            program.settle(0.3)
            # Save time and journal append: one commit at a time, from a quiet start. The editor
            # is opened and typed in first, and left for longer than the draft throttle's second,
            # so the only journal write after the committing Enter is that change's record.
            for _ in range(self.args.saves):
                program.send(scrutiny.start_commit_keys())
                program.settle(0.3)
                program.wait_until(lambda: None, 1.2)
                program.fs_events.clear()
                sent = time.perf_counter()
                latency = program.key_latency(scrutiny.finish_commit_key(), quiet=self.args.quiet)
                if latency is not None:
                    commits.append(latency)
                stamp = program.wait_until(lambda: landed({name}, IN_MOVED_TO | IN_CLOSE_WRITE, sent),
                                           self.args.timeout)
                if stamp is None:
                    raise Timeout("Scrutiny: the store was not rewritten within %.0f s of an edit"
                                  % self.args.timeout)
                saves.append(stamp - sent)
                journal = landed({name + ".journal"}, IN_MODIFY | IN_MOVED_TO, sent)
                if journal is not None:
                    journals.append(journal - sent)
                program.settle(0.3)
            # Moves while a save is in flight: commit, then move until the store is replaced.
            deadline = time.perf_counter() + self.args.timeout * 4
            while len(during) < self.args.keys and time.perf_counter() < deadline:
                program.fs_events.clear()
                sent = time.perf_counter()
                program.send(scrutiny.commit_keys())
                attempts += 1
                while landed({name}, IN_MOVED_TO | IN_CLOSE_WRITE, sent) is None and len(during) < self.args.keys:
                    if time.perf_counter() - sent > self.args.timeout:
                        break
                    key = scrutiny.move_keys[walk % len(scrutiny.move_keys)]
                    walk += 1
                    key_sent = time.perf_counter()
                    latency = program.key_latency(key, quiet=self.args.quiet)
                    # Only keys pressed before the store was replaced count as "during a save".
                    done = landed({name}, IN_MOVED_TO | IN_CLOSE_WRITE, sent)
                    if done is not None and done < key_sent:
                        break
                    if latency is None:
                        unchanged += 1
                    else:
                        during.append(latency)
                program.wait_until(lambda: landed({name}, IN_MOVED_TO | IN_CLOSE_WRITE, sent), self.args.timeout)
                program.settle(self.args.quiet)
            self.rss(scrutiny, store, program)
        watch.close()
        self.record(scrutiny, "save", median(saves), "median of %d, edit until store replaced" % len(saves))
        log("  %-9s save %s %.1f ms" % (scrutiny.name, store.label, median(saves) * MS))
        if journals:
            self.record(scrutiny, "journal", median(journals), "median of %d, Enter until the journal is written"
                        % len(journals))
        else:
            self.record(scrutiny, "journal", "n/a (no journal yet)")
        self.record(scrutiny, "commit", median(commits), "median of %d, Enter until the screen settles" % len(commits))
        if commits:
            log("  %-9s commit key %.1f ms, journal %s" % (scrutiny.name, median(commits) * MS,
                                                          ms(median(journals)) if journals else "none"))
        self.record_latency(scrutiny, "during_save", during, unchanged, ", over %d saves" % attempts)

    def floor(self):
        """The harness's own floor: the kernel's echo of a key through the pty (cat in cooked
        mode draws nothing itself), read and stamped exactly as the programs' answers are."""
        program = PtyProgram(["cat"], env=self.env)
        with program:
            program.settle(0.05)
            samples = [program.key_latency("abcdefghij"[i % 10], quiet=self.args.quiet) for i in range(50)]
        samples = [x for x in samples if x is not None]
        return median(samples), p99(samples)

    # The whole run ------------------------------------------------------------------------------

    def measure(self, subject, stores, typing_store, save_store):
        log("%s:" % subject.name)
        try:
            self.first_frames(subject, stores)
            self.latencies(subject, typing_store, "move")
            self.latencies(subject, typing_store, "type", prepare=subject.start_typing)
            if isinstance(subject, Vim):
                self.vim_saving(subject, save_store)
            elif isinstance(subject, Scrutiny):
                self.scrutiny_saving(subject, save_store)
        except (Timeout, ProgramExited) as error:
            log("  %s: stopped: %s" % (subject.name, error))
            self.record(subject, "error", str(error).splitlines()[0])
        for figure, reason in subject.not_applicable.items():
            self.record(subject, figure, "n/a (%s)" % reason)


# Building and describing the machine ------------------------------------------------------------

def build_scrutiny(args):
    """The release binary, or (None, reason)."""
    if args.binary:
        return args.binary, None
    if not args.no_build:
        log("building: swift build -c release --product scrutiny")
        if not shutil.which("swift"):
            return None, "no `swift` on PATH to build it with"
        result = subprocess.run(["swift", "build", "-c", "release", "--product", "scrutiny"], cwd=REPO,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0:
            log(result.stdout[-3000:])
            return None, "release build failed (see above)"
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO,
                          stdout=subprocess.PIPE, text=True).stdout.strip()
    binary = os.path.join(path, "scrutiny")
    if not os.access(binary, os.X_OK):
        return None, "no release binary at %s" % binary
    return binary, None


def check_stores(binary, stores):
    """The generated stores must pass `scrutiny check`, or the bench would time a format error."""
    if not any(line.strip().startswith("check") for line in (run_text([binary, "--help"]) or "").splitlines()):
        log("scrutiny has no `check` yet: stores not checked")
        return
    for store in stores:
        result = subprocess.run([binary, "check", store.path], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, timeout=120)
        if result.returncode != 0:
            raise SystemExit("scripts/bench: generated store fails `scrutiny check` (the generator, "
                             "scripts/bench.d/genstore.py, no longer matches docs/FORMAT.md):\n" + result.stdout)
        log("  " + result.stdout.strip())


def run_text(argv):
    try:
        result = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": model, "kernel": platform.release(),
            "load": [round(x, 2) for x in os.getloadavg()]}


def run_profiles(args, work, store):
    binary, reason = build_scrutiny(args)
    open_argv = scrutiny_open_argv(binary, run_text) if binary else None
    if not binary or open_argv is None:
        log("scripts/bench --profile: %s" % (reason or "this build has no workspace to profile"))
        return 1
    if not shutil.which("valgrind"):
        log("scripts/bench --profile: needs valgrind (apt-get install valgrind)")
        return 1
    bench = Bench(args, work)
    os.makedirs(os.path.join(work, "profile"), exist_ok=True)
    subject = Scrutiny(callgrind.without_debug_info(binary, os.path.join(work, "profile")), open_argv)
    for scenario in args.profile.split(","):
        log("profiling %s under callgrind (slow)" % scenario)
        try:
            print(callgrind.profile(bench, subject, store, scenario, args.profile_keys,
                                    os.path.join(work, "profile"), log), flush=True)
        except (Timeout, ProgramExited) as error:
            log("  %s: stopped: %s" % (scenario, error))
            return 1
    return 0


# Entry point ------------------------------------------------------------------------------------

def parse(argv):
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: small stores, fewer keys and runs")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument("--keys", type=int, help="keys per latency figure (default 200, quick 40)")
    parser.add_argument("--runs", type=int, help="launches per first-frame figure (default 5, quick 2)")
    parser.add_argument("--saves", type=int, help="saves per save figure (default 5, quick 2)")
    parser.add_argument("--only", default="Scrutiny,vim,VisiData", help="subjects to measure (comma-separated)")
    parser.add_argument("--binary", help="measure this scrutiny binary instead of building one")
    parser.add_argument("--no-build", action="store_true", help="use the last release build as it is")
    parser.add_argument("--quiet", type=float, default=0.03,
                        help="seconds of silence after which a key's screen counts as settled (default 0.03)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for any one screen")
    parser.add_argument("--limit", type=float, help="stop the whole run after this many seconds "
                        "(default 1800, quick 600)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder of stores")
    parser.add_argument("--profile", metavar="SCENARIOS",
                        help="instead of timing, count Scrutiny's instructions under callgrind in these "
                        "scenarios (comma-separated: open,move,type,commit) and print the top functions")
    parser.add_argument("--profile-store", default="20MB", help="store for --profile (50KB, 2MB, 20MB)")
    parser.add_argument("--profile-keys", type=int, default=50, help="keys (or commits) per --profile scenario")
    args = parser.parse_args(argv)
    args.keys = args.keys or (40 if args.quick else 200)
    args.runs = args.runs or (2 if args.quick else 5)
    args.saves = args.saves or (2 if args.quick else 5)
    args.limit = args.limit or (600 if args.quick else 1800)
    if args.profile:
        args.keep = True  # the callgrind files are the point
        args.limit = max(args.limit, 3600)
        unknown = set(args.profile.split(",")) - set(callgrind.SCENARIOS)
        if unknown:
            parser.error("unknown --profile scenario %s: choose from %s"
                         % (", ".join(sorted(unknown)), ",".join(callgrind.SCENARIOS)))
        if args.profile_store not in genstore.SIZES:
            parser.error("unknown --profile-store %r: choose from %s" % (args.profile_store, ", ".join(genstore.SIZES)))
    return args


def main(argv=None):
    args = parse(argv)

    def give_up(signum, _frame):
        raise KeyboardInterrupt("stopped by %s" % signal.Signals(signum).name)

    # Stop by ourselves: an overall alarm, and TERM/HUP unwind like Ctrl-C (children are killed on
    # the way out by each program's `with`).
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGALRM):
        signal.signal(sig, give_up)
    signal.alarm(int(args.limit))

    work = tempfile.mkdtemp(prefix="scrutiny-bench-")
    try:
        before = machine()
        started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        labels = ["50KB", "2MB"] if args.quick else ["50KB", "2MB", "20MB"]
        if args.profile:
            labels = [args.profile_store]
        stores = []
        for label in labels:
            path = os.path.join(work, "stores", "panel-%s.json" % label)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            genstore.write_store(path, genstore.SIZES[label])
            stores.append(Store(label, path, genstore.SIZES[label]))
        log("stores: " + ", ".join("%s %s (%d notes)" % (s.label, mib(s.size), s.notes) for s in stores))
        if args.profile:
            return run_profiles(args, work, stores[0])
        typing_store = next(s for s in stores if s.label == "2MB")
        save_store = stores[-1]

        subjects = []
        only = set(args.only.split(","))
        if "Scrutiny" in only:
            binary, reason = build_scrutiny(args)
            if binary:
                check_stores(binary, stores)
            open_argv = scrutiny_open_argv(binary, run_text) if binary else None
            if binary and open_argv is None:
                reason = "this build has no workspace yet (`scrutiny --help` lists no `open`)"
            if reason:
                log("Scrutiny: not measured: " + reason)
            else:
                subjects.append(Scrutiny(binary, open_argv))
        if "vim" in only:
            if shutil.which("vim"):
                subjects.append(Vim())
            else:
                log("vim: not measured: not installed (apt-get install vim)")
        if "VisiData" in only:
            subjects.append(VisiData())

        bench = Bench(args, work)
        floor = bench.floor()
        log("harness floor (pty echo): median %.3f ms, p99 %.3f ms" % (floor[0] * MS, floor[1] * MS))
        if "Scrutiny" in only and not any(isinstance(s, Scrutiny) for s in subjects):
            bench.figures["Scrutiny"] = {"error": reason}
        for subject in subjects:
            bench.measure(subject, stores, typing_store, save_store)

        text, records = table(bench.figures, bench.notes, stores, save_store)
        after = machine()
        command = "scripts/bench " + " ".join(argv if argv is not None else sys.argv[1:])
        if args.json:
            print(json.dumps({"date": started, "command": command.strip(), "machine": before,
                              "load_after": after["load"], "harness_floor": {"median": floor[0], "p99": floor[1]}, "stores": {s.label: s.size for s in stores},
                              "rows": records, "figures": bench.figures}, indent=2))
        else:
            print("Scrutiny benchmark, %s, %s" % (started, command.strip()))
            print("machine: %d cores, %s, load %s before / %s after" % (
                before["nproc"], before["cpu"], " ".join(map(str, before["load"])),
                " ".join(map(str, after["load"]))))
            print("pty 120×40, TERM=xterm-256color, pyte; latencies over %d keys, first frames median of %d;"
                  " harness floor (pty echo) median %s, p99 %s" % (args.keys, args.runs, ms(floor[0]), ms(floor[1])))
            print()
            print(text)
        # Missed budgets are findings, not failures; a program that could not be measured is one.
        stopped = [name for name, figures in bench.figures.items() if "error" in figures]
        if stopped:
            log("scripts/bench: not everything was measured: %s" % ", ".join(stopped))
            return 1
        return 0
    except KeyboardInterrupt as stop:
        log("scripts/bench: %s" % (stop or "interrupted"))
        return 130
    finally:
        signal.alarm(0)
        if args.keep:
            log("kept %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
