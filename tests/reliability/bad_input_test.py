#!/usr/bin/env python3
"""Bad input through the command line, beyond what cli_test.py covers.

Each case runs on its own command line between two good releases:
exit 1 when the case cannot be read (0 when it can), exactly one line on
standard error that names the file and says why, and the good releases (and
a readable case) still exported. Then all cases run together on one command
line, with the same expectations.

usage: bad_input_test.py READOUT DATA_DIR
"""
import csv
import io
import os
import stat
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relcommon  # noqa: E402

READOUT = DATA = None

SEED = "seed-cellectar-q2-2017.txt"
# A second good release, from another folder, so "still exported" is not
# just the first file.
OTHER = os.path.join("corpus", "raw", "003_pain-therapeutics-2016q3.txt")

CP1252_TEXT = (
    "Acme Biopharma \u201cReports\u201d Second Quarter 2017 Financial Results\n\n"
    "Research and development expenses for the second quarter of 2017 were "
    "\u20ac2.2 million, compared with \u20ac1.9 million for the second quarter of 2016.\n"
    "Net loss for the second quarter of 2017 was \u20ac3.1 million, or \u20ac0.23 per "
    "share \u2013 the company\u2019s \u201cbest\u201d quarter.\n")


class Case:
    """@readable: True must export, False must fail, None may do either
    (truncated HTML: export what is there or fail with a named message).
    @reason: regular expression the error line must match after the name."""

    def __init__(self, name, path, readable, reason=None, check_rows=None):
        self.name = name
        self.path = path
        self.readable = readable
        self.reason = reason
        self.check_rows = check_rows


def stderr_lines(stderr):
    return [line for line in stderr.split(b"\n") if line.strip()]


class BadInput(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="readout-bad-input-")
        d = cls.tmp.name
        cls.dir = d
        cls.seed = os.path.join(DATA, SEED)
        cls.other = os.path.join(DATA, OTHER)
        cls.cases = []

        def write(name, data):
            path = os.path.join(d, name)
            with open(os.fsencode(path) if isinstance(path, str) else path, "wb") as fh:
                fh.write(data)
            return path

        with open(cls.seed, encoding="utf-8") as fh:
            seed_text = fh.read()
        seed_csv = relcommon.run(READOUT, "--export-csv=-", cls.seed)
        assert seed_csv.returncode == 0, seed_csv.stderr
        cls.seed_rows = [{k: v for k, v in r.items() if k != "file"}
                         for r in csv.DictReader(io.StringIO(seed_csv.stdout.decode("utf-8"), newline=""))]

        def same_as_seed(test, rows):
            test.assertEqual([{k: v for k, v in r.items() if k != "file"} for r in rows],
                             cls.seed_rows, "a re-encoded release must give the same figures")

        # UTF-16 with a BOM, both byte orders: a real release re-encoded.
        cls.cases.append(Case("utf16le", write("utf16-le.txt", b"\xff\xfe" + seed_text.encode("utf-16-le")),
                              True, check_rows=same_as_seed))
        cls.cases.append(Case("utf16be", write("utf16-be.txt", b"\xfe\xff" + seed_text.encode("utf-16-be")),
                              True, check_rows=same_as_seed))

        # Windows-1252: smart quotes, an en dash and the euro sign.
        def cp1252_rows(test, rows):
            by_metric = {r["metric"]: r for r in rows}
            test.assertEqual(by_metric["rd_expense"]["current"], "2200000")
            test.assertEqual(by_metric["rd_expense"]["prior"], "1900000")
            test.assertEqual(by_metric["rd_expense"]["unit"], "EUR")
            test.assertEqual(by_metric["net_income"]["current"], "-3100000")
            test.assertIn("\u20ac2.2 million", by_metric["rd_expense"]["source"])
            for r in rows:
                test.assertNotIn("\ufffd", r["source"], "a Windows-1252 byte was lost")
        cls.cases.append(Case("cp1252", write("cp1252.txt", CP1252_TEXT.encode("cp1252")),
                              True, check_rows=cp1252_rows))

        # Truncated HTML: a real filing cut in half.
        with open(os.path.join(DATA, "html", "104_buckle-fy2024q3.htm"), "rb") as fh:
            html = fh.read()
        cls.cases.append(Case("truncated-html", write("truncated.htm", html[: len(html) // 2]), None,
                              r"\S"))
        # HTML without any text.
        cls.cases.append(Case("html-no-text", write("no-text.html", b"<html><body><script>x</script></body></html>"),
                              False, r"(?i)no text|holds no text|empty|no financial figures"))

        # PDFs: scanned (no text layer), encrypted, truncated.
        pdf = os.path.join(DATA, "pdf")
        for name, reason in (("no-text.pdf", r"(?i)no text"),
                             ("encrypted.pdf", r"(?i)password|encrypt|protected"),
                             ("truncated.pdf", r"(?i)damaged|truncated|could not be read|corrupt")):
            if os.path.exists(os.path.join(pdf, name)):
                cls.cases.append(Case("pdf-" + name, os.path.join(pdf, name), False, reason))

        # No read permission (meaningless for root, who reads anything).
        if os.geteuid() != 0:
            locked = write("locked.txt", seed_text.encode("utf-8"))
            os.chmod(locked, 0)
            cls.cases.append(Case("no-permission", locked, False, r"Permission denied"))
        else:
            print("note: running as root: the unreadable-file case is skipped", file=sys.stderr)

        # Special files: a FIFO (nobody writes to it: reading it would hang)
        # and a character device.
        fifo = os.path.join(d, "fifo.txt")
        os.mkfifo(fifo)
        cls.cases.append(Case("fifo", fifo, False, r"(?i)not a regular file|special"))
        for dev in ("/dev/zero", "/dev/urandom", "/dev/full"):
            if os.path.exists(dev) and stat.S_ISCHR(os.stat(dev).st_mode):
                cls.cases.append(Case("chardev", dev, False, r"(?i)not a regular file|special"))
                break
        else:
            print("note: no character device found: that case is skipped", file=sys.stderr)

        # Paths with spaces and non-ASCII characters.
        spaced_dir = os.path.join(d, "Q2 résultats — 2017")
        os.mkdir(spaced_dir)
        spaced = os.path.join(spaced_dir, "Cellectar Q2 Überblick €.txt")
        with open(spaced, "w", encoding="utf-8") as fh:
            fh.write(seed_text)

        def spaced_rows(test, rows):
            same_as_seed(test, rows)
            test.assertEqual({r["file"] for r in rows}, {"Cellectar Q2 Überblick €.txt"})
        cls.cases.append(Case("spaces-non-ascii", spaced, True, check_rows=spaced_rows))
        cls.cases.append(Case("spaces-non-ascii-missing", os.path.join(spaced_dir, "nicht da é.txt"),
                              False, r"No such file"))
        # A file name that is not UTF-8 (Latin-1 "café"): the CSV stays UTF-8.
        latin1_name = os.path.join(os.fsencode(d), b"caf\xe9 q2.txt")
        with open(latin1_name, "wb") as fh:
            fh.write(seed_text.encode("utf-8"))
        cls.latin1_path = os.fsdecode(latin1_name)
        cls.same_as_seed = staticmethod(same_as_seed)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def export(self, paths):
        out_path = os.path.join(self.dir, "out.csv")
        if os.path.exists(out_path):
            os.unlink(out_path)
        res = relcommon.run(READOUT, "--export-csv=" + out_path, *paths, timeout=60)
        data = b""
        if os.path.exists(out_path):
            with open(out_path, "rb") as fh:
                data = fh.read()
        return res, data

    def check_case_result(self, case, res, rows, errors):
        path_b = os.fsencode(case.path)
        mine = [e for e in errors if path_b + b":" in e]
        exported = [r for r in rows if r["file"] == os.path.basename(path_b).decode("utf-8", "replace")]
        if case.readable is True:
            self.assertEqual(mine, [], "%s must be readable" % case.name)
            self.assertTrue(exported, "%s: no rows exported" % case.name)
            if case.check_rows:
                case.check_rows(self, exported)
        elif case.readable is False:
            self.assertEqual(len(mine), 1, "%s: want one error line naming %r, got %r" % (case.name, case.path, errors))
            reason = mine[0].split(path_b + b":", 1)[1].decode("utf-8", "replace").strip()
            self.assertTrue(reason, "%s: the error line gives no reason" % case.name)
            self.assertRegex(reason, case.reason, case.name)
            self.assertEqual(exported, [], "%s failed but has rows" % case.name)
        else:
            # Either exported or one named failure, never both, never neither.
            self.assertEqual(len(mine) + (1 if exported else 0), 1,
                             "%s: want rows or one named error; errors %r" % (case.name, errors))
            if mine:
                self.assertRegex(mine[0].split(path_b + b":", 1)[1].decode("utf-8", "replace"), r"\S")

    def test_each_case_between_good_files(self):
        for case in self.cases:
            with self.subTest(case=case.name):
                res, data = self.export([self.seed, case.path, self.other])
                self.assertGreaterEqual(res.returncode, 0, "%s: killed by signal %d" % (case.name, -res.returncode))
                errors = stderr_lines(res.stderr)
                rows, problems = relcommon.parse_csv_strict(data)
                self.assertEqual(problems, [], case.name)
                files = {r["file"] for r in rows}
                self.assertIn(SEED, files, "%s: the good file before it was not exported" % case.name)
                self.assertIn(os.path.basename(OTHER), files, "%s: the good file after it was not exported" % case.name)
                if case.readable is True:
                    self.assertEqual(res.returncode, 0, "%s: %r" % (case.name, res.stderr))
                    self.assertEqual(errors, [])
                elif case.readable is False:
                    self.assertEqual(res.returncode, 1, "%s: %r" % (case.name, res.stderr))
                    self.assertEqual(len(errors), 1, "%s: want exactly one stderr line, got %r" % (case.name, errors))
                else:
                    self.assertIn(res.returncode, (0, 1))
                    self.assertEqual(len(errors), res.returncode, "%s: %r" % (case.name, errors))
                self.check_case_result(case, res, rows, errors)

    def test_case_alone(self):
        # Alone on the command line: a failure leaves no CSV at all (there
        # was none before), a success writes one.
        for case in self.cases:
            with self.subTest(case=case.name):
                res, data = self.export([case.path])
                self.assertGreaterEqual(res.returncode, 0, "%s: killed by signal %d" % (case.name, -res.returncode))
                self.assertIn(res.returncode, (0, 1), case.name)
                errors = stderr_lines(res.stderr)
                self.assertEqual(len(errors), res.returncode, "%s: %r" % (case.name, errors))
                if res.returncode == 1:
                    self.assertNotEqual(case.readable, True, "%s: %r" % (case.name, errors))
                    self.assertEqual(data, b"", "%s: failed yet wrote a CSV" % case.name)
                else:
                    self.assertNotEqual(case.readable, False, case.name)
                    rows, problems = relcommon.parse_csv_strict(data)
                    self.assertEqual(problems, [], case.name)
                    self.assertTrue(rows, case.name)

    def test_all_cases_on_one_command_line(self):
        paths = [self.seed] + [c.path for c in self.cases] + [self.other]
        res, data = self.export(paths)
        self.assertGreaterEqual(res.returncode, 0, "killed by signal %d" % -res.returncode)
        errors = stderr_lines(res.stderr)
        rows, problems = relcommon.parse_csv_strict(data)
        self.assertEqual(problems, [])
        # Cases may share a reason, never a line: one line per failed file.
        failed = [c for c in self.cases if c.readable is False]
        maybe = [c for c in self.cases if c.readable is None]
        self.assertGreaterEqual(len(errors), len(failed), errors)
        self.assertLessEqual(len(errors), len(failed) + len(maybe), errors)
        self.assertEqual(res.returncode, 1)
        for case in self.cases:
            with self.subTest(case=case.name):
                self.check_case_result(case, res, rows, errors)
        order = []
        for r in rows:
            if not order or order[-1] != r["file"]:
                order.append(r["file"])
        self.assertEqual(order[0], SEED)
        self.assertEqual(order[-1], os.path.basename(OTHER))

    def test_non_utf8_file_name(self):
        # The file name b"caf\xe9 q2.txt" is exported, and the CSV stays
        # UTF-8 (the name shown with U+FFFD for the stray byte).
        res, data = self.export([self.seed, self.latin1_path])
        self.assertEqual(res.returncode, 0, res.stderr)
        rows, problems = relcommon.parse_csv_strict(data)
        self.assertEqual(problems, [], "file name b'caf\\xe9 q2.txt'")
        mine = [r for r in rows if r["file"] == "caf\ufffd q2.txt"]
        self.assertTrue(mine, {r["file"] for r in rows})
        self.same_as_seed(self, mine)
        # A failure names it too (here: emptied).
        with open(os.fsencode(self.latin1_path), "wb"):
            pass
        res, data = self.export([self.seed, self.latin1_path])
        self.assertEqual(res.returncode, 1)
        errors = stderr_lines(res.stderr)
        self.assertEqual(len(errors), 1, errors)
        self.assertIn(os.fsencode(self.latin1_path) + b":", errors[0])


if __name__ == "__main__":
    READOUT, DATA = os.path.abspath(sys.argv[1]), os.path.normpath(os.path.abspath(sys.argv[2]))
    unittest.main(argv=[sys.argv[0]], verbosity=2)
