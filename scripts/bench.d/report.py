"""The bench's one table: each figure beside vim's and VisiData's, as ratios, against the
budgets of issue 9, marked met or MISSED. Pure formatting: it measures nothing."""

MS = 1000.0
MIB = 1024 * 1024


def ms(value):
    return "%.1f ms" % (value * MS) if value >= 0.01 else "%.3f ms" % (value * MS)


def mib(value):
    return "%.1f MiB" % (value / MIB) if value >= MIB else "%.0f KiB" % (value / 1024)


def rows(stores, save_store):
    """(label, figure, unit formatter, absolute budget or None, budget text, compare with vim?)"""
    out = []
    for store in stores:
        limit = {"2MB": 0.030, "20MB": 0.150}.get(store.label)
        text = ("≤ %s, " % ms(limit) if limit else "") + "≤ VD/10, ≤ vim"
        out.append(("first frame, %s store" % store.label, "first_" + store.label, ms, limit, text, True, "tenth"))
    # The first frame comes before a big store's notes are decoded: when they are on screen too.
    largest = stores[-1]
    out.append(("notes on screen, %s store" % largest.label, "notes_" + largest.label, ms, None, "—", False, None))
    out += [
        ("move in grid, median", "move_median", ms, 0.0005, "≤ 0.5 ms, ≤ vim", True, None),
        ("move in grid, p99", "move_p99", ms, 0.002, "≤ 2 ms, ≤ vim", True, None),
        ("typing in a cell, median", "type_median", ms, 0.0005, "≤ 0.5 ms, ≤ vim", True, None),
        ("typing in a cell, p99", "type_p99", ms, 0.002, "≤ 2 ms, ≤ vim", True, None),
        ("key during %s save, median" % save_store.label, "during_save_median", ms, None, "≤ vim", True, None),
        ("key during %s save, p99" % save_store.label, "during_save_p99", ms, 0.016, "≤ 16 ms, ≤ vim", True, None),
        ("snapshot save, %s store" % save_store.label, "save", ms, 0.200, "≤ 200 ms, ≤ vim", True, None),
        ("journal append (Enter → written)", "journal", ms, 0.002, "≤ 2 ms", False, None),
        ("commit key (journal+fsync+draw)", "commit", ms, None, "—", False, None),
    ]
    for store in stores:
        limit = 3 * store.size + 30 * MIB
        out.append(("peak RSS, %s store (%s)" % (store.label, mib(store.size)), "rss_" + store.label, mib,
                    limit, "≤ 3×store+30 MiB = %s" % mib(limit), False, None))
    return out


def verdict(value, vim, vd, limit, against_vim, tenth):
    if not isinstance(value, (int, float)):
        return "n/a"
    if limit is None and not against_vim and not tenth:
        return "—"  # shown for understanding, no budget of its own
    missed = []
    if limit is not None and value > limit:
        missed.append("over budget")
    if against_vim and isinstance(vim, (int, float)) and value > vim:
        missed.append("slower than vim")
    if tenth and isinstance(vd, (int, float)) and value > vd / 10:
        missed.append("not 10× VisiData")
    return "MISSED: " + ", ".join(missed) if missed else "met"


def table(figures_by_name, notes_by_name, stores, save_store):
    names = ["Scrutiny", "vim", "VisiData"]
    figures = [figures_by_name.get(n, {}) for n in names]
    lines, records, footnotes = [], [], []
    header = ("figure", "Scrutiny", "vim", "VisiData", "×vim", "×VD", "budget", "verdict")
    body = []
    for label, key, unit, limit, text, against_vim, tenth in rows(stores, save_store):
        values = [f.get(key) for f in figures]
        shown = []
        for name, v in zip(names, values):
            if isinstance(v, (int, float)):
                shown.append(unit(v))
            elif isinstance(v, str):  # "n/a (why)": the why goes under the table, once
                why = "%s: %s" % (name, v[5:-1] if v.startswith("n/a (") else v)
                if why not in footnotes:
                    footnotes.append(why)
                shown.append("n/a[%d]" % (footnotes.index(why) + 1))
            else:
                shown.append("—")
        ratios = []
        for other in values[1:]:
            if isinstance(values[0], (int, float)) and isinstance(other, (int, float)) and other > 0:
                ratios.append("%.2f" % (values[0] / other))
            else:
                ratios.append("—")
        verdict_text = verdict(values[0], values[1], values[2], limit, against_vim, tenth)
        body.append((label, *shown, *ratios, text, verdict_text))
        records.append({"figure": key, "label": label, "unit": "seconds" if unit is ms else "bytes",
                        "scrutiny": values[0], "vim": values[1],
                        "visidata": values[2], "budget": text, "verdict": verdict_text,
                        "samples": {n: notes_by_name.get(n, {}).get(key.replace("_median", "").replace("_p99", ""))
                                    or notes_by_name.get(n, {}).get(key) for n in names}})
    widths = [max(len(str(r[i])) for r in [header] + body) for i in range(len(header))]
    for r in [header] + body:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
        if r is header:
            lines.append("  ".join("-" * w for w in widths))
    for i, why in enumerate(footnotes):
        lines.append("[%d] %s" % (i + 1, why))
    for name in names:
        error = figures_by_name.get(name, {}).get("error")
        if error:
            lines.append("%s: not measured or stopped early: %s" % (name, error))
    return "\n".join(lines), records
