#!/usr/bin/env python3
"""Hostile text: control characters, bidi overrides, zero-width spaces, an
enormous line, a NUL-free binary-looking run, and formula-like prefixes.

The export must be valid RFC 4180 CSV (the csv module reads it, every row
has every field, CRLF line ends), text fields carry no control or bidi
characters, and every text field that would start with = + - @ TAB CR is
guarded with a leading "'".

usage: hostile_text_test.py READOUT DATA_DIR
"""
import os
import random
import sys
import tempfile
import unicodedata
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relcommon  # noqa: E402

READOUT = DATA = None

# Bidi embeddings, overrides, isolates and marks: they reorder what a
# reader sees, so a source sentence must never carry them.
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff")


def bad_chars(value):
    """Characters a text field must not carry: C0/C1 controls and DEL,
    bidi controls, zero-width characters."""
    found = []
    for ch in value:
        if unicodedata.category(ch) == "Cc" or ch in BIDI or ch in ZERO_WIDTH:
            found.append("U+%04X" % ord(ch))
    return found


HOSTILE = (
    "Acme\u200b Biopharma, Inc. Reports Second Quarter 2017 Financial Results\x07\n"
    "\x1b[31mSAN DIEGO, Aug. 10, 2017\x1b[0m -- Acme Biopharma, Inc. (Nasdaq: ACME) today reported "
    "results for the second quarter ended June 30, 2017.\n\n"
    # A bidi override inside the figure sentence: displayed reversed.
    "Research and development expenses for the second quarter of 2017 were \u202e$2.2 million\u202c, "
    "compared with $1.9 million for the second quarter of 2016.\n\n"
    # Zero-width spaces and joiners inside the amount and the words.
    "General and admin\u200bistrative expenses for the second quarter of 2017 were $1.\u200b4 million, "
    "compared with $1.\u200d2 million for the second quarter of 2016.\n\n"
    # Control characters: bell, backspace, vertical tab, form feed, escape,
    # DEL, C1 controls (U+0085 NEL, U+009B CSI).
    "Net loss for the\x08 second quarter of 2017 was\x0b $3.1 million\x7f, or $0.23 per share,\x0c "
    "compared with a net loss of $2.5\x1b million, or $0.20 per share\u0085, for the second\u009b "
    "quarter of 2016.\n\n"
    # Isolates and marks.
    "Cash and cash equivalents were \u2066$10.5 million\u2069 as of June 30, 2017, \u200ecompared "
    "with $12.0 million as of December 31, 2016.\u200f\n\n"
)

EXPECTED = {
    "rd_expense": ("2200000", "1900000"),
    "ga_expense": ("1400000", "1200000"),
    "net_income": ("-3100000", "-2500000"),
    "eps": ("-0.23", "-0.2"),
    "cash": ("10500000", "12000000"),
}


def enormous_line(rng, size):
    """One line of about @size bytes: short sentences of filler words."""
    words = ["pipeline", "trial", "patients", "dose", "cohort", "data", "phase", "study",
             "milestone", "approval", "program", "enrollment"]
    parts = []
    n = 0
    while n < size:
        s = " ".join(rng.choice(words) for _ in range(rng.randrange(5, 15))).capitalize() + ". "
        parts.append(s)
        n += len(s)
    return "".join(parts)


def binary_run(rng, size):
    """NUL-free bytes that look binary: mostly high bytes, some controls."""
    out = bytearray()
    for _ in range(size):
        r = rng.random()
        if r < 0.03:
            out.append(rng.choice([1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28]))
        elif r < 0.75:
            out.append(rng.randrange(0x80, 0x100))
        else:
            out.append(rng.randrange(0x20, 0x7f))
    return bytes(out)


class Hostile(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="readout-hostile-")
        self.dir = self.tmp.name
        self.rng = random.Random(17)

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as fh:
            fh.write(data)
        return path

    def export(self, *paths):
        out = os.path.join(self.dir, "out.csv")
        if os.path.exists(out):
            os.unlink(out)
        res = relcommon.run(READOUT, "--export-csv=" + out, *paths, timeout=120)
        self.assertGreaterEqual(res.returncode, 0, "killed by signal %d" % -res.returncode)
        data = b""
        if os.path.exists(out):
            with open(out, "rb") as fh:
                data = fh.read()
        return res, data

    def check_contract(self, data):
        rows, problems = relcommon.parse_csv_strict(data)
        self.assertEqual(problems, [])
        # No bare CR or LF outside a quoted field: every record ends in CRLF
        # and a record's quoted fields are the only place for line breaks.
        in_quotes = False
        prev = ""
        for i, ch in enumerate(data.decode("utf-8")):
            if ch == '"':
                in_quotes = not in_quotes
            elif not in_quotes and ch == "\n" and prev != "\r":
                self.fail("bare LF at %d outside a quoted field" % i)
            elif not in_quotes and prev == "\r" and ch != "\n":
                self.fail("bare CR at %d outside a quoted field" % i)
            prev = ch
        for row in rows:
            for field in relcommon.TEXT_FIELDS:
                value = row[field]
                self.assertFalse(value.startswith(relcommon.FORMULA_PREFIXES),
                                 "%s of %s starts like a formula: %r" % (field, row["metric"], value[:40]))
            self.assertEqual(bad_chars(row["source"]), [], "source of %s: %r" % (row["metric"], row["source"][:200]))
            # The company keeps a TAB it was given (guarded when leading);
            # nothing else.
            self.assertEqual([c for c in bad_chars(row["company"]) if c != "U+0009"], [],
                             "company: %r" % row["company"])
            for field in ("label", "period", "prior_period", "unit", "status", "flags", "file"):
                self.assertEqual(bad_chars(row[field]), [], "%s of %s: %r" % (field, row["metric"], row[field]))
            # Numbers are plain numbers, never guarded or quoted.
            for field in ("current", "prior", "change", "change_percent"):
                if row[field]:
                    float(row[field])
                    self.assertNotIn("'", row[field])
        return rows

    def check_figures(self, rows, name):
        by_metric = {r["metric"]: r for r in rows if r["file"] == name}
        for metric, (current, prior) in EXPECTED.items():
            with self.subTest(file=name, metric=metric):
                self.assertIn(metric, by_metric)
                self.assertEqual((by_metric[metric]["current"], by_metric[metric]["prior"]), (current, prior))

    def test_controls_bidi_zero_width(self):
        path = self.write("hostile.txt", HOSTILE.encode("utf-8"))
        res, data = self.export(path)
        self.assertEqual(res.returncode, 0, res.stderr)
        rows = self.check_contract(data)
        self.check_figures(rows, "hostile.txt")

    def test_controls_bidi_zero_width_html(self):
        # The same paragraphs as HTML: the characters arrive raw and as
        # numeric references.
        paras = [p for p in HOSTILE.split("\n\n") if p.strip()]
        body = "".join("<p>%s</p>\n" % p for p in paras[:3])
        body += "".join("<p>%s</p>\n" % "".join(c if ord(c) < 0x80 and c >= " " else "&#%d;" % ord(c) for c in p)
                        for p in paras[3:])
        html = "<html><head><title>Acme</title></head><body>%s</body></html>" % body
        path = self.write("hostile.html", html.encode("utf-8"))
        res, data = self.export(path)
        self.assertEqual(res.returncode, 0, res.stderr)
        rows = self.check_contract(data)
        self.check_figures(rows, "hostile.html")

    def test_enormous_line(self):
        # 8 MB of filler sentences on one line, the figures in the middle of
        # it, and no newline at the end of the file.
        line = enormous_line(self.rng, 4 * 1024 * 1024)
        text = (HOSTILE.split("\n\n")[0] + "\n\n" + line
                + " ".join(HOSTILE.replace("\n", " ").split("  ")[1:]) + " " + line)
        path = self.write("enormous-line.txt", text.encode("utf-8"))
        res, data = self.export(path)
        self.assertEqual(res.returncode, 0, res.stderr)
        rows = self.check_contract(data)
        self.check_figures(rows, "enormous-line.txt")
        longest = max(len(r["source"]) for r in rows)
        print("\nenormous line: %d rows, longest source %d characters" % (len(rows), longest), file=sys.stderr)

    def test_binary_looking_run(self):
        # A NUL-free binary run between the figures (64 KB in, so the
        # binary sniffing of the start sees text): the file is not UTF-8
        # any more, so it is read as Windows-1252; either it is exported as
        # valid CSV or refused with a named message.
        head, tail = HOSTILE.split("Net loss", 1)
        data_in = (head.encode("utf-8") + enormous_line(self.rng, 70000).encode("utf-8") + b"\n\n"
                   + binary_run(self.rng, 200000) + b"\n\nNet loss" + tail.encode("utf-8"))
        self.assertNotIn(b"\0", data_in)
        path = self.write("binary-run.txt", data_in)
        seed = os.path.join(DATA, "seed-cellectar-q2-2017.txt")
        res, data = self.export(path, seed)
        self.assertIn(res.returncode, (0, 1))
        rows = self.check_contract(data)
        errors = [e for e in res.stderr.split(b"\n") if e.strip()]
        if res.returncode == 1:
            self.assertEqual(len(errors), 1, errors)
            self.assertIn(os.fsencode(path) + b":", errors[0])
        else:
            self.assertEqual(errors, [])
            self.assertTrue([r for r in rows if r["file"] == "binary-run.txt"])
        self.assertTrue([r for r in rows if r["file"] == os.path.basename(seed)])
        # Binary at the very start: refused by name, the other file exported.
        path2 = self.write("binary-start.txt", binary_run(self.rng, 100000) + HOSTILE.encode("utf-8"))
        res, data = self.export(path2, seed)
        self.assertIn(res.returncode, (0, 1))
        rows = self.check_contract(data)
        self.assertTrue([r for r in rows if r["file"] == os.path.basename(seed)])
        if res.returncode == 1:
            errors = [e for e in res.stderr.split(b"\n") if e.strip()]
            self.assertEqual(len(errors), 1, errors)
            self.assertIn(os.fsencode(path2) + b":", errors[0])

    def test_formula_guard(self):
        # A company name and a source sentence starting with each prefix.
        exercised = {}
        paths = []
        for i, prefix in enumerate(relcommon.FORMULA_PREFIXES):
            text = ("%sAcme Biopharma, Inc. Reports Second Quarter 2017 Financial Results\n\n"
                    "%sNet loss for the second quarter of 2017 was $3.1 million, compared with "
                    "$2.5 million for the second quarter of 2016.\n\n"
                    "%sResearch and development expenses for the second quarter of 2017 were $2.2 million, "
                    "compared with $1.9 million for the second quarter of 2016.\n\n"
                    "About %sAcme Biopharma, Inc.\n" % (prefix, prefix, prefix, prefix))
            paths.append(self.write("guard-%d.txt" % i, text.encode("utf-8")))
        # The same through HTML, where a TAB or CR survives inside a cell.
        for i, prefix in enumerate(relcommon.FORMULA_PREFIXES):
            html = ("<html><head><title>%sAcme Biopharma, Inc.</title></head><body>"
                    "<p>%sAcme Biopharma, Inc. Reports Second Quarter 2017 Financial Results</p>"
                    "<p>%sNet loss for the second quarter of 2017 was $3.1 million, compared with "
                    "$2.5 million for the second quarter of 2016.</p>"
                    "<p>About %sAcme Biopharma, Inc.</p></body></html>" % (prefix, prefix, prefix, prefix))
            paths.append(self.write("guard-%d.html" % i, html.encode("utf-8")))
        res, data = self.export(*paths)
        self.assertEqual(res.returncode, 0, res.stderr)
        rows = self.check_contract(data)
        self.assertEqual({r["file"] for r in rows}, {os.path.basename(p) for p in paths})
        for row in rows:
            for field in relcommon.TEXT_FIELDS:
                v = row[field]
                if v.startswith("'") and v[1:2] in relcommon.FORMULA_PREFIXES:
                    exercised.setdefault(repr(v[1]), set()).add(field)
        print("\nformula guard applied: %s" % ", ".join("%s in %s" % (k, "/".join(sorted(v)))
                                                         for k, v in sorted(exercised.items())),
              file=sys.stderr)
        # The loaders may drop a leading TAB or CR (whitespace is folded);
        # = + - @ must reach the fields and be guarded.
        for prefix in "=+-@":
            self.assertIn(repr(prefix), exercised, "no field started with %r: guard not exercised" % prefix)


if __name__ == "__main__":
    READOUT, DATA = os.path.abspath(sys.argv[1]), os.path.normpath(os.path.abspath(sys.argv[2]))
    unittest.main(argv=[sys.argv[0]], verbosity=2)
