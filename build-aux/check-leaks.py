#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The sanitizer stage's leak reports, read once every test has run.

    check-leaks.py DIR

LeakSanitizer writes each process's report to DIR (log_path) instead of
failing the test itself. A leak is Patella's when its allocation passes
through the application's own code (a frame in src/): that fails the
stage, with the report. GTK's X11 code now and then leaks a few list
nodes and strings while it dispatches an X event (seen in three window
tests of one CI run, in none of the runs before or after; Debian ships no
symbols to name the function): their stacks hold only GTK, GLib and a
test's main loop, and are counted and shown, not failed on. Exit status 1 when a leak is Patella's or a
report holds anything but leaks (an ASan or UBSan error).
"""
import os
import re
import sys

FRAME = re.compile(r"^\s+#\d+ 0x[0-9a-f]+ in \S+ (\S+)")


def main():
    folder = sys.argv[1]
    ours, theirs, other = [], 0, []
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        text = open(os.path.join(folder, name), encoding="utf-8", errors="replace").read()
        if "LeakSanitizer" not in text:
            other.append((name, text))
            continue
        for block in re.split(r"\n(?=(?:Direct|Indirect) leak of)", text):
            if not re.match(r"(Direct|Indirect) leak of", block):
                continue
            files = [m.group(1) for m in map(FRAME.match, block.splitlines()) if m]
            # Meson builds name the project's sources from the build folder.
            if any(f.startswith("../src/") for f in files):
                ours.append((name, block))
            else:
                theirs += 1
    for name, block in ours:
        print(f"=== a leak in Patella's code ({name}):\n{block}")
    for name, text in other:
        print(f"=== a sanitizer report ({name}):\n{text}")
    print(f"check-leaks: {len(ours)} leaks in Patella's code, {theirs} in libraries only "
          f"(GTK's X11 code), {len(other)} other reports")
    return 1 if ours or other else 0


if __name__ == "__main__":
    sys.exit(main())
