"""scripts/bench --profile: where Scrutiny's instructions go, counted by valgrind's callgrind.

Instruction counts repeat from run to run on a busy machine, where times do not, so this is how
a missed budget is traced to functions. Each scenario runs the release binary under callgrind
in the same pty as the bench; for key scenarios collection is switched on (callgrind_control)
only after the first frame, so the profile holds the keys and nothing of the start-up.
"""

import os
import shutil
import subprocess
import time

from ptyharness import PtyProgram, Timeout

# name → (keys sent once the first frame is drawn and collection is on, what they show)
SCENARIOS = {
    "open": None,
    "move": "moves around the grid",
    "type": "typing into a cell",
    "commit": "edits committed one by one (each one saves)",
}


def _annotate(out_file, inclusive, lines):
    """The top functions, with Swift names demangled (`swift demangle --simplified`)."""
    argv = ["callgrind_annotate", "--inclusive=%s" % ("yes" if inclusive else "no"), out_file]
    text = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
    try:
        text = subprocess.run(["swift", "demangle", "--simplified"], input=text, stdout=subprocess.PIPE,
                              text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        pass  # mangled names are still names
    body = text.split("\n")
    # Keep the totals and the top functions; callgrind_annotate prints a long header first.
    start = next((i for i, line in enumerate(body) if "PROGRAM TOTALS" in line), 0)
    return "\n".join(line[:200] for line in body[start:start + lines])


def without_debug_info(binary, folder):
    """A copy of the binary with its DWARF stripped (symbols kept): valgrind 3.19 gives up on
    the debug info Swift 6 writes ("Possibly corrupted debuginfo file")."""
    copy = os.path.join(folder, "scrutiny-nodebug")
    shutil.copyfile(binary, copy)
    os.chmod(copy, 0o755)
    subprocess.run(["strip", "--strip-debug", copy], check=True)
    return copy


def profile(bench, subject, store, scenario, keys, folder, log):
    """Runs one scenario under callgrind; returns the annotated top functions as text."""
    os.makedirs(folder, exist_ok=True)
    out_file = os.path.join(folder, "callgrind.%s.out" % scenario)
    copy = store.fresh_copy(os.path.join(folder, scenario))
    argv = (["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out_file,
             "--log-file=" + out_file + ".log"]
            + ([] if scenario == "open" else ["--instr-atstart=no"]) + subject.argv(copy))
    slow = bench.args.timeout * 20  # callgrind runs programs about 50× slower
    program = PtyProgram(argv, cwd=os.path.dirname(copy.path), env=bench.env)
    with program:
        program.wait_for(lambda p: subject.first_frame_ready(p, copy), slow, program.started)
        program.wait_for(lambda p: subject.complete(p, copy), slow, program.started)  # the notes are in
        program.settle(1.0)
        subject.after_open(program)
        program.settle(1.0)
        if scenario != "open":
            if scenario == "type":
                subject.start_typing(program)
                program.settle(1.0)
            subprocess.run(["callgrind_control", "--instr=on", str(program.pid)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            sequence = {"move": subject.move_keys, "type": list(subject.typed)}.get(scenario)
            for i in range(keys):
                if scenario == "commit":
                    program.send(subject.commit_keys())
                    program.settle(1.0)
                else:
                    program.key_latency(sequence[i % len(sequence)], quiet=0.3, limit=120)
            if scenario == "commit":
                time.sleep(5)  # let the background saves finish inside the profile
                program.settle(1.0)
            subprocess.run(["callgrind_control", "--instr=off", str(program.pid)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
        # Leave through the program's own quit key when it has one, so callgrind writes its file.
        program.send("\x1b")
        program.settle(0.3)
        program.send("q")
        if not program.wait_exit(slow):
            log("  %s did not quit; ending it" % subject.name)
    if not os.path.exists(out_file):
        raise Timeout("callgrind wrote no profile for %s" % scenario)
    return ("== %s: %s, %s store (%s)\n-- inclusive\n%s\n-- exclusive (self)\n%s\n"
            % (scenario, SCENARIOS[scenario] or "open, first frame, quit", store.label, out_file,
               _annotate(out_file, True, 45), _annotate(out_file, False, 30)))
