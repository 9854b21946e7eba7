"""Generates Scrutiny panel stores of a chosen size, for the benchmark.

The store is the documented layout (see Sources/PanelModel/*.swift and docs/FORMAT.md): one
pretty-printed JSON object with sorted keys, `format` and `version` at the top, the panel
header, schedule, framework (criteria × dimensions, cells keyed by ids), questions and notes.
Only notes grow with the size, because that is how a real panel grows.

Output is deterministic for a given size and seed, so two runs of the bench measure the same
bytes. The framework is the one of the seed report (six criteria × five dimensions), so the
first screen looks like the panel's real one; the benchmark's "first frame" test looks for
`FIRST_CRITERION`, `LAST_CRITERION` and the start of `FIRST_CELL_TEXT`.
"""

import json
import os
import random

CRITERIA = ["Effectiveness", "Efficiency", "Equity", "Accountability", "Appropriacy", "Sufficiency"]
DIMENSIONS = ["Diagnosis", "Provision/ Funding", "Outcomes", "Mild/ Moderate/ Severe need", "Institutions"]
FIRST_CRITERION = CRITERIA[0]
LAST_CRITERION = CRITERIA[-1]
FIRST_DIMENSION = DIMENSIONS[0]
# The text of the top-left cell; the bench waits for its first words on screen.
FIRST_CELL_TEXT = "Depends on condition being diagnosed. Not all diagnosis available to all."

# Words the notes are made of: the vocabulary of the seed report, so text wraps like real notes.
WORDS = (
    "parents schools provision funding diagnosis assessment waiting times referrals cohort "
    "SENDCO cluster outcomes equity quality consistency support trauma communication panel "
    "interview officer families children placement timetable hospital visit forum workshop "
    "evidence data monitoring accountability early years reception speech language therapy "
    "EHCP plan review annual transition secondary primary special resource hub inclusion "
    "exclusion attendance transport respite social care health NHS local authority budget "
    "grant high needs block mainstream independent tribunal mediation advice information"
).split()


def slug(prefix, name):
    """Mirrors Identifier.slug: lowercase ASCII alphanumerics joined by single dashes."""
    out, dash = "", False
    for ch in name.lower():
        if ch.isascii() and ch.isalnum():
            out += ch
            dash = False
        elif not dash and out:
            out += "-"
            dash = True
    return prefix + "-" + (out.rstrip("-")[:40] or "x")


def make_id(prefix, rng):
    """Mirrors Identifier.make: a prefix and 12 hex digits."""
    return "%s-%012x" % (prefix, rng.getrandbits(48))


def sentence(rng, low, high):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng, sentences, low=6, high=16):
    return " ".join(sentence(rng, low, high) for _ in range(sentences))


def iso_date(day_index):
    """A CalendarDate in 2023–2024, as YYYY-MM-DD."""
    year, month = 2023 + (day_index // 336) % 2, 1 + (day_index // 28) % 12
    return "%04d-%02d-%02d" % (year, month, 1 + day_index % 28)


def document(note_count, seed=9):
    """The store as a Python value, with `note_count` notes."""
    rng = random.Random(seed)
    criteria = [{"id": slug("crit", n), "name": n} for n in CRITERIA]
    dimensions = [{"id": slug("dim", n), "name": n} for n in DIMENSIONS]
    cells = []
    for ci, c in enumerate(criteria):
        for di, d in enumerate(dimensions):
            text = FIRST_CELL_TEXT if (ci, di) == (0, 0) else paragraph(rng, 2, 5, 12)
            cells.append({"criterion": c["id"], "dimension": d["id"], "text": text})
    kinds = ["interview", "meeting", "visit", "forum", "workshop", "survey"]
    schedule = []
    for i in range(16):
        item = {"id": make_id("item", rng), "kind": kinds[i % len(kinds)],
                "title": sentence(rng, 2, 6).rstrip("."), "status": "held" if i < 10 else "planned"}
        if i < 13:
            item["date"] = iso_date(i * 17)
        if i % 3 == 0:
            item["who"] = sentence(rng, 2, 4).rstrip(".")
        schedule.append(item)
    questions = [{"id": make_id("q", rng), "number": "5.%d" % (i + 1), "title": sentence(rng, 2, 4).rstrip("."),
                  "text": paragraph(rng, 3), "status": ["open", "pursuing", "answered"][i % 3]} for i in range(8)]
    notes = []
    for i in range(note_count):
        note = {"id": make_id("note", rng),
                "at": "%sT%02d:%02d:%02d+00:00" % (iso_date(i // 40), 9 + (i // 60) % 8, i % 60, (i * 7) % 60),
                "text": paragraph(rng, rng.randint(1, 3)),
                "source": schedule[i % 10]["id"]}
        if i % 5 != 4:
            note["subject"] = ({"question": questions[i % 8]["id"]} if i % 7 == 0 else
                               {"criterion": criteria[i % 6]["id"], "dimension": dimensions[(i // 6) % 5]["id"]})
        notes.append(note)
    panel = {
        "title": "SEND Provision Scrutiny Panel", "authority": "London Borough of Camden", "wards": "All",
        "committee": "Children, Schools and Families Scrutiny Committee",
        "reportTitle": "Special Educational Needs and Disabilities (SEND) Provision Panel Update",
        "reportDate": "2024-03-13", "summary": paragraph(rng, 3), "recommendation": "The Committee is asked to "
        "comment on and note the report.", "reportOf": "Chair of the SEND Provision Panel",
        "chair": "Councillor Sylvia McNamara", "signedDate": "2024-03-01",
        "accessToInformation": paragraph(rng, 1),
        "contact": {"name": "Scrutiny Officer", "role": "Scrutiny Officer", "address": "5 Pancras Square",
                    "phone": "020 7974 0000", "email": "scrutiny@camden.gov.uk"},
        "sections": [{"id": slug("sec", t), "title": t, "text": paragraph(rng, 2), "placement": p}
                     for t, p in [("Purpose of Report", "opening"), ("Analytical Framework", "framework"),
                                  ("Suggested questions", "questions"), ("Next steps", "nextSteps"),
                                  ("Finance Comments", "closing")]],
    }
    return {"format": "scrutiny-panel", "version": 1, "panel": panel, "schedule": schedule,
            "framework": {"criteria": criteria, "dimensions": dimensions, "cells": cells},
            "questions": questions, "notes": notes}


def encode(doc):
    """The canonical bytes, as Foundation's JSONEncoder writes them ([.prettyPrinted, .sortedKeys,
    .withoutEscapingSlashes]): two-space indent, " : " between key and value, trailing newline."""
    return (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False, separators=(",", " : ")) + "\n").encode()


# About 390 bytes of JSON per note: these counts give ~50 KB, ~2 MB and ~20 MB (50,000 notes).
SIZES = {"50KB": 70, "2MB": 5_000, "20MB": 50_000}


def write_store(path, note_count):
    data = encode(document(note_count))
    with open(path, "wb") as f:
        f.write(data)
    os.chmod(path, 0o600)
    return len(data)


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(prog="gen-store", description="Write benchmark panel stores.")
    parser.add_argument("folder", help="where to write panel-50KB.json, panel-2MB.json, panel-20MB.json")
    parser.add_argument("--sizes", default=",".join(SIZES), help="which of %s (default: all)" % ",".join(SIZES))
    args = parser.parse_args(argv)
    os.makedirs(args.folder, exist_ok=True)
    for name in args.sizes.split(","):
        if name not in SIZES:
            parser.error("unknown size %r: choose from %s" % (name, ", ".join(SIZES)))
        path = os.path.join(args.folder, "panel-%s.json" % name)
        size = write_store(path, SIZES[name])
        print("%s  %d bytes  %d notes" % (path, size, SIZES[name]))


if __name__ == "__main__":
    main()
