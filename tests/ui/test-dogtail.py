#!/usr/bin/python3
# test-dogtail.py READOUT SEED WORKDIR: opens the seed release, edits the
# R&D current value from the keyboard, exports the CSV and checks the row
# says "edited" with the new value; then kills the program with SIGKILL,
# opens the release again and checks the edit came back.
#
# Exit 0 pass, 1 fail, 77 skip (no accessibility bus or display).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import os
import shutil
import signal
import subprocess
import sys
import time

readout, seed, work = sys.argv[1:4]

try:
    from dogtail.config import config
    config.checkForA11y = False
    config.logDebugToFile = False
    config.logDebugToStdOut = False
    config.searchShowingOnly = False
    config.defaultDelay = 0.3
    config.searchCutoffCount = 20
    from dogtail import tree
    from dogtail import rawinput
except Exception as error:  # noqa: BLE001
    print(f"SKIP: dogtail does not start: {error}")
    sys.exit(77)

os.makedirs(work, exist_ok=True)
release = os.path.join(work, "seed.txt")
shutil.copy(seed, release)


def log(message):
    print(message, flush=True)


def key(combo):
    # xdotool sends real X key events to the focused window.
    subprocess.run(["xdotool", "key", "--clearmodifiers", combo], check=True)
    time.sleep(0.4)


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "40", text], check=True)
    time.sleep(0.4)


def start():
    proc = subprocess.Popen([readout, release], cwd=work)
    app = None
    for _ in range(60):
        time.sleep(0.5)
        if proc.poll() is not None:
            log(f"FAIL: readout exited with {proc.returncode}")
            sys.exit(1)
        try:
            for candidate in tree.root.applications():
                if candidate.name in ("readout", "Readout"):
                    app = candidate
                    break
        except Exception:  # noqa: BLE001
            app = None
        if app is not None:
            break
    if app is None:
        proc.kill()
        log("SKIP: the program never appeared on the accessibility bus")
        sys.exit(77)
    # Wait for the figure list of the release.
    for _ in range(40):
        try:
            if app.findChildren(lambda n: n.name == "Figures"):
                break
        except Exception:  # noqa: BLE001
            pass
        time.sleep(0.5)
    else:
        proc.kill()
        log("FAIL: no figure list (did the release load?)")
        sys.exit(1)
    window = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)],
                            capture_output=True, text=True).stdout.split()
    if window:
        subprocess.run(["xdotool", "windowactivate", "--sync", window[-1]], check=False)
        subprocess.run(["xdotool", "windowfocus", "--sync", window[-1]], check=False)
    time.sleep(0.5)
    return proc, app


def export(path):
    key("ctrl+e")
    time.sleep(1.0)
    key("ctrl+a")
    type_text(path)
    key("Return")
    for _ in range(20):
        if os.path.exists(path):
            return
        time.sleep(0.5)
    log(f"FAIL: {path} was not written")
    sys.exit(1)


def rd_row(path):
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["metric"] == "rd_expense":
                return row
    return None


# 1. Edit R&D current from the keyboard: Ctrl+L to the list, Home to the
#    first row (revenue), Down to R&D, F2 to edit, type, Enter.
proc, app = start()
key("ctrl+l")
key("Home")
key("Down")
key("F2")
key("ctrl+a")
type_text("3.3m")
key("Return")

cell = app.findChildren(lambda n: n.name == "Current, Research and development")
log(f"R&D current cell found through accessibility: {bool(cell)}")

out = os.path.join(work, "out.csv")
export(out)
row = rd_row(out)
log(f"exported R&D row: {row}")
if row is None or row["status"] != "edited" or row["current"] != "3300000":
    proc.kill()
    log("FAIL: the exported R&D row is not edited to 3300000")
    sys.exit(1)

# 2. Kill -9 and open again: the edit is restored from the review state.
os.kill(proc.pid, signal.SIGKILL)
proc.wait()
time.sleep(0.5)
proc, app = start()
out2 = os.path.join(work, "after-kill.csv")
export(out2)
row = rd_row(out2)
log(f"R&D row after kill -9: {row}")
os.kill(proc.pid, signal.SIGKILL)
proc.wait()
if row is None or row["status"] != "edited" or row["current"] != "3300000":
    log("FAIL: the edit was not restored after kill -9")
    sys.exit(1)

log("PASS")
sys.exit(0)
