#!/usr/bin/env python3
"""HTML tables of tens of megabytes: exported (or refused for want of
figures) within DESIGN.md's memory budget, peak RSS under 3 x input size
+ 50 MB.  A sink per cell once cost 50-100 times the table's size.

The input is generated at test time in a temporary folder and deleted
afterwards. VARIANT:
  - one-table: one 30 MB statement table of small cells ("$" and ")" in
    cells of their own, as SEC exhibits print them), with a revenue row
    that must come out in the CSV;
  - many-tables: 10 MB of two-row tables;
  - nested: 10 MB of tables nested 200 deep;
  - spans: 10 MB of rowspan/colspan-heavy tables: long cells spanning
    a thousand rows, headers spanning hundreds of columns, cells spread
    over hundreds of empty columns;
  - wide-row: one row of 30 MB of colspan=1000 cells (past 2^31 grid
    columns).
Several variants may be given; without any, all run.

usage: big_table_test.py READOUT [VARIANT...]
"""
import os
import random
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relcommon  # noqa: E402

MB = relcommon.MB
HEAD = ("<html><body><p>Acme Bio reports second quarter 2024 results.</p>\n"
        "<p>Three months ended June 30, 2024 and 2023</p>\n")
TAIL = "</body></html>\n"


def number(rng):
    return "{:,}".format(rng.randrange(1, 999999))


def one_table(rng, size):
    yield ("<table>\n<tr><td>(in thousands)</td><td></td><td colspan=\"3\">2024</td>"
           "<td></td><td colspan=\"3\">2023</td></tr>\n"
           "<tr><td>Total revenues</td><td></td><td>$</td><td>3,145</td><td></td>"
           "<td></td><td>$</td><td>2,100</td><td></td></tr>\n")
    i = 0
    done = 0
    while done < size:
        row = ("<tr><td>Item %d</td><td>&nbsp;</td><td>$</td><td>%s</td><td></td>"
               "<td>&nbsp;</td><td>(</td><td>%s</td><td>)</td></tr>\n" % (i, number(rng), number(rng)))
        done += len(row)
        i += 1
        yield row
    yield "</table>\n"


def many_tables(rng, size):
    done = 0
    while done < size:
        table = ("<table><tr><td>Item</td><td>%s</td><td>%s</td></tr>"
                 "<tr><td>Total</td><td>%s</td><td>%s</td></tr></table>\n"
                 % (number(rng), number(rng), number(rng), number(rng)))
        done += len(table)
        yield table


def nested(rng, size):
    done = 0
    while done < size:
        block = "".join("<table><tr><td>Level %d</td><td>%s</td><td>" % (d, number(rng))
                        for d in range(200))
        block += "x" + "</td></tr></table>" * 200 + "\n"
        done += len(block)
        yield block


def spans(rng, size):
    wide = "<tr><td>x</td>" + "".join("<td>%d</td>" % c for c in range(1, 400)) + "</tr>\n"
    long_cell = "word " * 2000
    done = 0
    while done < size:
        kind = rng.randrange(3)
        if kind == 0:
            table = ('<table><tr><td rowspan="1000">%s</td><td>1</td></tr>' % long_cell +
                     "<tr><td>2</td></tr>" * 300 + "</table>\n")
        elif kind == 1:
            table = ("<table>" + wide + "".join(
                '<tr><td>Label</td><td colspan="399">Header %d</td></tr>\n' % r
                for r in range(300)) + "</table>\n")
        else:
            table = ("<table>" + wide + "".join(
                '<tr><td rowspan="%d">L</td><td colspan="%d"></td><td colspan="2">%s</td></tr>\n'
                % (rng.randrange(1, 1000), rng.randrange(1, 398), number(rng))
                for r in range(300)) + "</table>\n")
        done += len(table)
        yield table


def wide_row(rng, size):
    yield "<table><tr>"
    done = 0
    while done < size:
        cells = '<td colspan="1000">%d</td>' % rng.randrange(10) * 1000
        done += len(cells)
        yield cells
    yield "</tr></table>\n"


VARIANTS = {
    "one-table": (one_table, 30 * MB, True),
    "many-tables": (many_tables, 10 * MB, False),
    "nested": (nested, 10 * MB, False),
    "spans": (spans, 10 * MB, False),
    "wide-row": (wide_row, 30 * MB, False),
}


def main():
    if os.environ.get("READOUT_SKIP_SLOW_TESTS"):
        print("skipped: READOUT_SKIP_SLOW_TESTS is set")
        return 77
    readout = sys.argv[1]
    wanted = sys.argv[2:] or list(VARIANTS)
    failures = []
    with tempfile.TemporaryDirectory(prefix="readout-table-") as d:
        for variant in wanted:
            generate, size, has_figures = VARIANTS[variant]
            path = os.path.join(d, variant + ".htm")
            out = path + ".csv"
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(HEAD)
                for piece in generate(random.Random(7), size):
                    fh.write(piece)
                fh.write(TAIL)
            size = os.path.getsize(path)
            budget = relcommon.memory_budget(size)
            status, stderr, seconds, rss = relcommon.export_measured(readout, out, path, timeout=300)
            errors = [line for line in stderr.split(b"\n") if line.strip()]
            print("%-12s %3d MB: exit %s, %.1f s (%.1f MB/s), peak RSS %d MB (budget %d MB, %.2f x input)"
                  % (variant, size // MB, status, seconds, size / MB / seconds, rss // MB,
                     budget // MB, rss / size))
            for line in errors:
                print("    stderr: %s" % line.decode("utf-8", "replace"))

            if not relcommon.check_run(failures, variant, status, seconds, rss, size):
                pass  # check_run said why
            elif status == 0:
                with open(out, "rb") as fh:
                    rows, problems = relcommon.parse_csv_strict(fh.read())
                if problems:
                    failures.append("%s: invalid CSV: %s" % (variant, problems))
                if has_figures and not any(r["metric"] == "revenue" and r["current"] == "3145000"
                                           for r in rows):
                    failures.append("%s: no revenue of 3145000 in %r" % (variant, rows))
            elif status == 1 and not has_figures:
                # No figures: one line naming the file.
                if not relcommon.names_file_once(errors, path):
                    failures.append("%s: refused without one line naming the file: %r" % (variant, errors))
            else:
                failures.append("%s: exit status %d, %r" % (variant, status, errors))

            os.unlink(path)
            if os.path.exists(out):
                os.unlink(out)

    return relcommon.report(failures)


if __name__ == "__main__":
    sys.exit(main())
