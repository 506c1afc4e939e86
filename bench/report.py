"""Plain-text tables a human can paste, PASS/FAIL against targets, results in bench/results/."""

import json
import statistics
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def verdict(ok):
    """PASS, FAIL, or "n/a" when the figure could not be measured (None)."""
    if ok is None:
        return "n/a"
    return "PASS" if ok else "FAIL"


def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def number(value, digits=0, suffix=""):
    if value is None:
        return "-"
    if isinstance(value, str):
        return value
    return f"{value:,.{digits}f}{suffix}"


def table(header, rows):
    """Columns padded to their widest cell: the first left-aligned, the others right; short
    rows end in empty cells."""
    rows = [
        [str(cell) for cell in row] + [""] * (len(header) - len(row)) for row in [header, *rows]
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]

    def line(row):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        return "  ".join(cells).rstrip()

    rule = "-" * len(line(rows[0]))
    return "\n".join([line(rows[0]), rule, *(line(row) for row in rows[1:])])


def save(name, results):
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return path
