"""Shared helpers for the reliability tests (stdlib only)."""
import csv
import io
import os
import random
import re
import subprocess
import tempfile
import time

HEADER = ("file,company,period,metric,label,current,prior,prior_period,change,"
          "change_percent,unit,status,flags,source")
N_FIELDS = HEADER.count(",") + 1
TEXT_FIELDS = ("company", "label", "source")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def clean_env():
    env = dict(os.environ)
    # The headless path must never need a display.
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.setdefault("LC_ALL", "C.UTF-8")
    return env


def run(readout, *args, timeout=120):
    return subprocess.run([readout, *args], capture_output=True, env=clean_env(), timeout=timeout)


def export_measured(readout, out, path, timeout):
    """Runs `readout --export-csv=OUT PATH`; returns (exit status or None
    when killed after @timeout seconds, stderr bytes, seconds, peak RSS in
    bytes).  Peak RSS comes from wait4()'s rusage of the child
    (ru_maxrss), the number `/usr/bin/time -v` prints as "Maximum resident
    set size"."""
    start = time.monotonic()
    # stderr into a file: a pipe nobody reads could block a chatty child.
    err = tempfile.TemporaryFile()
    env = clean_env()
    # Measure the program as it is run, not under the test suite's memory
    # debugging: meson's MALLOC_PERTURB_ fills every allocation and
    # G_DEBUG=gc-friendly zeroes every GArray's new capacity, touching pages
    # the program never uses (e.g. a GString's power-of-two capacity).
    for name in ("MALLOC_PERTURB_", "G_DEBUG", "G_SLICE"):
        env.pop(name, None)
    proc = subprocess.Popen([readout, "--export-csv=" + out, path], env=env,
                            stdout=subprocess.DEVNULL, stderr=err)

    def stderr():
        err.seek(0)
        return err.read()
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid != 0:
            break
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            return None, stderr(), time.monotonic() - start, usage.ru_maxrss * 1024
        time.sleep(0.05)
    return os.waitstatus_to_exitcode(status), stderr(), time.monotonic() - start, usage.ru_maxrss * 1024


MB = 1024 * 1024


def memory_budget(size):
    """DESIGN.md's peak RSS budget for an input of @size bytes."""
    return 3 * size + 50 * MB


def check_run(failures, name, status, seconds, rss, size):
    """The checks every big-input run shares: it ended by itself, did not
    crash, and stayed within the memory budget.  True when it exited."""
    budget = memory_budget(size)
    if rss > budget:
        failures.append("%s: peak RSS %d MB over the budget of %d MB (3 x %d MB + 50 MB)"
                        % (name, rss // MB, budget // MB, size // MB))
    if status is None:
        failures.append("%s: no answer after %.0f s (killed)" % (name, seconds))
    elif status < 0:
        failures.append("%s: crashed with signal %d" % (name, -status))
    return status is not None and status >= 0


def names_file_once(errors, path):
    """A refusal is one line on stderr that starts with the file's name."""
    return len(errors) == 1 and os.fsencode(path) + b":" in errors[0]


def report(failures):
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


def corpus_texts(data_dir):
    """The plain-text corpus, as str, in name order."""
    raw = os.path.join(data_dir, "corpus", "raw")
    texts = []
    for name in sorted(os.listdir(raw)):
        with open(os.path.join(raw, name), encoding="utf-8", errors="replace") as fh:
            texts.append(fh.read())
    return texts


def vary_numbers(text, rng):
    """The same text with the digits of its numbers replaced by random
    ones, so that copies differ while keeping the shape of amounts; years
    stay, so that periods are still found."""
    def vary(m):
        if re.fullmatch(r"(19|20)\d\d", m.group(0)):
            return m.group(0)
        return re.sub(r"\d", lambda d: str(rng.randrange(10)), m.group(0))
    return re.sub(r"\d+(?:[.,]\d+)*", vary, text)


def write_big_text(path, size, data_dir, seed=7, tail_line=0, recode=None):
    """Writes about @size bytes of corpus text with varied numbers to @path.
    With @tail_line, the last @tail_line bytes are a single line without any
    newline (the corpus with its line ends turned into spaces). @recode
    "crlf" ends lines with CRLF, "cp1252" writes Windows-1252."""
    rng = random.Random(seed)
    texts = corpus_texts(data_dir)
    variants = [vary_numbers("\n\n".join(texts), rng) + "\n\n" for _ in range(8)]
    if recode == "crlf":
        variants = [v.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8") for v in variants]
    elif recode == "cp1252":
        variants = [v.encode("cp1252", "replace") for v in variants]
        assert any(b >= 0x80 for b in variants[0]), "the corpus has no character beyond ASCII"
    else:
        variants = [v.encode("utf-8") for v in variants]
    body = size - tail_line
    written = 0
    with open(path, "wb") as fh:
        i = 0
        while written < body:
            chunk = variants[i % len(variants)][: body - written]
            fh.write(chunk)
            written += len(chunk)
            i += 1
        if tail_line:
            flat = [v.replace(b"\r", b" ").replace(b"\n", b" ") for v in variants]
            done = 0
            i = 0
            while done < tail_line:
                chunk = flat[i % len(flat)][: tail_line - done]
                fh.write(chunk)
                done += len(chunk)
                i += 1
    return path


def parse_csv_strict(data):
    """Parses exported bytes against the CSV contract. Returns (rows, problems):
    rows as dicts, problems as a list of strings (empty when the file is
    valid)."""
    problems = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return [], ["not UTF-8: %s" % e]
    if text.startswith("\ufeff"):
        problems.append("starts with a BOM")
    if not text.startswith(HEADER + "\r\n"):
        problems.append("does not start with the header line")
    if not text.endswith("\r\n"):
        problems.append("does not end with CRLF")
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as e:
        return [], problems + ["csv module refuses it: %s" % e]
    rows = []
    for n, rec in enumerate(records):
        if len(rec) != N_FIELDS:
            problems.append("record %d has %d fields, not %d" % (n, len(rec), N_FIELDS))
            continue
        if n > 0:
            rows.append(dict(zip(HEADER.split(","), rec)))
    # Every record ends with CRLF: a bare LF or CR may only appear inside a
    # quoted field. Re-render with the csv module and compare.
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\r\n")
    for rec in records:
        w.writerow(rec)
    if out.getvalue().count("\r\n") > text.count("\r\n"):
        problems.append("fewer CRLF than records")
    return rows, problems
