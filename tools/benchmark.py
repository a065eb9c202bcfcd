#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Patella's performance figures against references measured in the same run.

    tools/benchmark.py --build-dir=build [--runs=N] [--markdown]

Needs a display (run it under xvfb-run on a headless machine) and the sqlite3
shell. Generates 10 and 50 years of history with tools/generate-history, then
measures, interleaving each figure with its reference and with its fifty-year
counterpart so that a busy moment on the machine hits them all alike:

  - start to the first painted frame, and peak RSS at that moment, for Patella
    (10-year, empty and 50-year databases) and tools/reference-window, both
    reporting through src/patella-first-frame.c: the everyday start, with
    the welcome seen (keyfile settings with welcome-done=true in a folder of
    the benchmark's own), and the first start, which shows the welcome, as a
    row of its own;
  - importing the 10-year CSV into an empty database, against the floor (the
    sqlite3 shell inserting the same rows into the same schema in one
    transaction, with the same pragmas) and against the shell's .import into
    a plain table;
  - exporting the history to CSV, against the sqlite3 shell writing the same
    rows with -csv;
  - `patella --warnings` over the whole history;
  - what a user feels next (tests/bench-pages, a fresh process per sample):
    the next frame after switching Progress to "All", and after opening
    History (its first screen); the clinic report over the whole history
    (`--report --from=FIRST-DAY`) and the daily export (`--export-daily-csv`);
  - the same figures for 50 years, which may grow at most linearly (5 x).

Prints one table (figure, median, reference, ratio, target, result) and exits
with status 1 when a figure misses its target.
"""

import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

# The import's floor: the sqlite3 shell putting the rows of an entries CSV
# (without a utc column) into Patella's own tables, in one transaction, with
# the pragmas Patella uses. Everything Patella does beyond this (checking
# each value, finding duplicates, reporting by record) is its own cost.
FLOOR_SQL = """
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA foreign_keys = ON;
CREATE TEMP TABLE staging (date TEXT, time TEXT, kind TEXT, item TEXT, sets TEXT, reps TEXT, minutes TEXT,
                           distance_km TEXT, rpe TEXT, pain TEXT, context TEXT, note TEXT);
.import --csv --skip 1 --schema temp {csv} staging
BEGIN IMMEDIATE;
INSERT INTO exercise_log (day, instant, exercise_id, sets, reps, note)
  SELECT date, strftime('%Y-%m-%dT%H:%M:%SZ', date || ' ' || time, 'utc'), item, sets, nullif(reps, ''), note
  FROM staging WHERE kind = 'exercise';
INSERT INTO pain_log (day, instant, score, context, note)
  SELECT date, strftime('%Y-%m-%dT%H:%M:%SZ', date || ' ' || time, 'utc'), pain, context, note
  FROM staging WHERE kind = 'pain';
INSERT INTO runs (day, instant, minutes, distance_km, rpe, pain, note)
  SELECT date, strftime('%Y-%m-%dT%H:%M:%SZ', date || ' ' || time, 'utc'), minutes, distance_km, rpe,
         nullif(pain, ''), note
  FROM staging WHERE kind = 'run';
INSERT INTO rest_days (day, kind, note) SELECT date, item, note FROM staging WHERE kind = 'rest-day';
COMMIT;
"""

# The sqlite3 shell writing the rows `patella --export-csv` writes.
EXPORT_SQL = """
SELECT day AS date, strftime('%H:%M', instant, 'localtime') AS time, 'exercise' AS kind,
       exercise_id AS item, sets, reps, NULL AS minutes, NULL AS distance_km, NULL AS rpe,
       NULL AS pain, NULL AS context, note FROM exercise_log
UNION ALL
SELECT day, strftime('%H:%M', instant, 'localtime'), 'pain', NULL, NULL, NULL, NULL, NULL, NULL,
       score, context, note FROM pain_log
UNION ALL
SELECT day, strftime('%H:%M', instant, 'localtime'), 'run', NULL, NULL, NULL, minutes, distance_km,
       rpe, pain, NULL, note FROM runs
UNION ALL
SELECT day, NULL, 'rest-day', kind, NULL, NULL, NULL, NULL, NULL, NULL, NULL, note FROM rest_days
ORDER BY 1, 2, 3, 4;
"""


class Bench:
    def __init__(self, build, work, runs):
        self.patella = os.path.join(build, "src", "patella")
        self.reference = os.path.join(build, "tools", "reference-window")
        self.pages = os.path.join(build, "tests", "bench-pages")
        self.generator = os.path.join(build, "tools", "generate-history")
        self.work = work
        self.runs = runs
        self.env = dict(os.environ)
        # Default settings (window size), the welcome seen as on every day
        # but the first, and no trace in the user's own: a keyfile in a
        # folder of the benchmark's own.
        config = os.path.join(work, "config")
        os.makedirs(os.path.join(config, "glib-2.0", "settings"))
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as keyfile:
            keyfile.write("[io/github/patella/Patella]\nwelcome-done=true\n")
        self.env["GSETTINGS_BACKEND"] = "keyfile"
        self.env["XDG_CONFIG_HOME"] = config
        # The first start: settings as a new user has them.
        self.first_start_env = dict(self.env, GSETTINGS_BACKEND="memory")
        self.env.pop("PATELLA_FIRST_FRAME", None)
        self.rows = []
        self.failed = False

    def path(self, name):
        return os.path.join(self.work, name)

    def run(self, argv, stdout=subprocess.DEVNULL):
        subprocess.run(argv, check=True, env=self.env, stdout=stdout, stderr=subprocess.PIPE)

    @staticmethod
    def remove_database(path):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)

    # Timing

    def wall(self, setup, argv, stdout_path=None):
        """Seconds from start to exit of one run of argv."""
        setup()
        out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
        try:
            start = time.perf_counter()
            subprocess.run(argv, check=True, env=self.env, stdout=out, stderr=subprocess.PIPE)
            return time.perf_counter() - start
        finally:
            if stdout_path:
                out.close()

    def next_frame(self, db, figure):
        """Seconds from a page action to the end of the next painted frame."""
        proc = subprocess.run([self.pages, f"--database={db}", figure], env=self.env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for line in proc.stdout.splitlines():
            if line.startswith(figure + " ms="):
                if proc.returncode == 0:
                    return float(line.split("=", 1)[1]) / 1000
        raise SystemExit(f"benchmark: bench-pages {figure} on {db} failed ({proc.returncode}):\n{proc.stderr}")

    def first_frame(self, argv, env=None):
        """(seconds from process start to first frame, peak RSS in MiB)."""
        env = dict(env or self.env, PATELLA_FIRST_FRAME="1")
        start_us = time.monotonic_ns() // 1000
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            out, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise SystemExit(f"benchmark: {argv[0]} never painted a frame")
        fields = dict(f.split("=", 1) for line in out.splitlines() if line.startswith("first-frame ")
                      for f in line.split()[1:])
        if proc.returncode != 0 or "monotonic-us" not in fields:
            raise SystemExit(f"benchmark: {' '.join(argv)} failed ({proc.returncode}):\n{err}")
        return (int(fields["monotonic-us"]) - start_us) / 1e6, int(fields["peak-rss-kb"]) / 1024

    def interleave(self, *measures):
        """Runs each measure self.runs times, round-robin, after one warm-up
        round; returns the list of samples of each."""
        samples = [[] for _ in measures]
        for round_ in range(self.runs + 1):
            for i, measure in enumerate(measures):
                value = measure()
                if round_ > 0:
                    samples[i].append(value)
        return samples

    # Reporting

    def row(self, figure, value, reference, target, limit, unit, kind="ratio"):
        """kind: 'ratio' (value / reference <= limit), 'delta' (value -
        reference <= limit, in unit) or 'absolute' (value <= limit)."""
        if kind == "delta":
            measured = value - reference
        elif kind == "absolute":
            measured = value
        else:
            measured = value / reference
        ok = limit is None or measured <= limit
        self.failed |= not ok
        if unit == "s":
            fmt = lambda v: f"{v * 1000:.1f} ms"
        else:
            fmt = lambda v: f"{v:.1f} {unit}"
        shown_ratio = f"{value / reference:.2f} x" if reference else "-"
        if kind == "delta":
            shown_ratio = f"{measured:+.1f} {unit}"
        self.rows.append((figure, fmt(value), fmt(reference) if reference else "-", shown_ratio, target,
                          "-" if limit is None else "PASS" if ok else "FAIL"))

    def table(self, markdown):
        head = ("figure", "median", "reference", "ratio", "target", "result")
        rows = [head] + self.rows
        if markdown:
            lines = ["| " + " | ".join(r) + " |" for r in rows]
            lines.insert(1, "|" + "|".join("---" for _ in head) + "|")
            return "\n".join(lines)
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)

    # The figures

    def prepare(self, years):
        csv = self.path(f"history-{years}y.csv")
        # Ending yesterday, so that start-up shows a full Today page.
        end = datetime.date.today() - datetime.timedelta(days=1)
        with open(csv, "wb") as out:
            subprocess.run([self.generator, f"--years={years}", "--seed=1", f"--end={end.isoformat()}"],
                           check=True, stdout=out)
        db = self.path(f"history-{years}y.db")
        self.run([self.patella, f"--database={db}", f"--import-csv={csv}"])
        return csv, db

    def measure(self, csv10, db10, csv50, db50, empty):
        """Medians of each figure: ten years and its reference, and fifty
        years, measured round-robin so that fifty is compared with ten taken
        at the same moments."""
        fresh = self.path("fresh.db")
        floor = self.path("floor.db")
        template = self.path("template.db")
        plain = self.path("plain.db")
        export = self.path("export.csv")
        plain_export = self.path("plain-export.csv")
        nothing = lambda: None
        shell = ["sqlite3", "-batch"]

        def start(db):
            return lambda: self.first_frame([self.patella, f"--database={db}"])

        def import_(csv):
            return lambda: self.wall(lambda: self.remove_database(fresh),
                                     [self.patella, f"--database={fresh}", f"--import-csv={csv}"])

        def export_(db):
            return lambda: self.wall(nothing, [self.patella, f"--database={db}", f"--export-csv={export}"])

        def warnings(db):
            return lambda: self.wall(nothing, [self.patella, f"--database={db}", "--warnings"])

        def fresh_floor():
            self.remove_database(floor)
            shutil.copyfile(template, floor)

        self.run([self.patella, f"--database={template}", "--check"])
        floor_script = self.path("floor.sql")
        with open(floor_script, "w") as script:
            script.write(FLOOR_SQL.format(csv=csv10))

        cairo = dict(self.env, GSK_RENDERER="cairo")
        frames = self.interleave(start(db10), lambda: self.first_frame([self.reference]), start(db50),
                                 start(empty),
                                 lambda: self.first_frame([self.patella, f"--database={empty}"],
                                                          self.first_start_env),
                                 lambda: self.first_frame([self.patella, f"--database={db10}"], cairo),
                                 lambda: self.first_frame([self.reference], cairo))
        imports = self.interleave(import_(csv10),
                                  lambda: self.wall(lambda: self.remove_database(plain),
                                                    shell + [plain, f".import --csv {csv10} entries"]),
                                  import_(csv50),
                                  lambda: self.wall(fresh_floor, shell + [floor, f".read {floor_script}"]))
        exports = self.interleave(export_(db10),
                                  lambda: self.wall(nothing, shell + ["-csv", "-header", db10, EXPORT_SQL],
                                                    plain_export),
                                  export_(db50))
        warned = self.interleave(warnings(db10), lambda: self.wall(nothing, [self.patella, "--version"]),
                                 warnings(db50))

        median = statistics.median
        ten, reference, fifty = {}, {}, {}
        for figures, samples in ((ten, frames[0]), (reference, frames[1]), (fifty, frames[2])):
            figures["start"] = median(t for t, _ in samples)
            figures["rss"] = median(m for _, m in samples)
        reference["empty-start"] = median(t for t, _ in frames[3])
        reference["first-start"] = median(t for t, _ in frames[4])
        reference["first-start-rss"] = median(m for _, m in frames[4])
        ten["rss-cairo"] = median(m for _, m in frames[5])
        reference["rss-cairo"] = median(m for _, m in frames[6])
        for key, samples in (("import", imports[:3]), ("export", exports), ("warnings", warned)):
            ten[key], reference[key], fifty[key] = (median(s) for s in samples)
        reference["import-floor"] = median(imports[3])

        # What a user feels next.
        page = lambda db, figure: lambda: self.next_frame(db, figure)
        report = self.path("report.pdf")
        daily = self.path("daily.csv")

        def report_(db, csv):
            with open(csv) as history:
                next(history)
                first_day = next(history).split(",", 1)[0]
            return lambda: self.wall(nothing, [self.patella, f"--database={db}", f"--report={report}",
                                               f"--from={first_day}"])

        def daily_(db):
            return lambda: self.wall(nothing, [self.patella, f"--database={db}", f"--export-daily-csv={daily}"])

        felt = self.interleave(page(db10, "progress-all"), page(db50, "progress-all"),
                               page(db10, "history"), page(db50, "history"),
                               report_(db10, csv10), report_(db50, csv50), daily_(db10), daily_(db50))
        for i, key in enumerate(("progress-all", "history", "report", "daily")):
            ten[key], fifty[key] = median(felt[2 * i]), median(felt[2 * i + 1])
        return ten, reference, fifty

    def main(self, markdown):
        csv10, db10 = self.prepare(10)
        csv50, db50 = self.prepare(50)
        empty = self.path("empty.db")
        self.run([self.patella, f"--database={empty}", "--check"])

        ten, ref, fifty = self.measure(csv10, db10, csv50, db50, empty)

        self.row("first frame, 10 years", ten["start"], ref["start"], "<= 1.15 x", 1.15, "s")
        self.row("first frame, empty database", ref["empty-start"], ref["start"], "<= 1.10 x", 1.10, "s")
        self.row("peak RSS at first frame, 10 years (GL)", ten["rss"], ref["rss"], "<= +20 MiB", 20, "MiB",
                 kind="delta")
        self.row("peak RSS at first frame, 10 years (cairo)", ten["rss-cairo"], ref["rss-cairo"], "<= +20 MiB", 20,
                 "MiB", kind="delta")
        # Once in a runner's life, so measured, not held to the everyday target.
        self.row("first start (welcome), empty database", ref["first-start"], ref["start"], "(shown)", None, "s")
        self.row("peak RSS at the first start", ref["first-start-rss"], ref["rss"], "(shown)", None, "MiB",
                 kind="delta")
        self.row("import 10-year CSV (the schema's floor)", ten["import"], ref["import-floor"], "<= 2 x", 2, "s")
        self.row("import 10-year CSV (sqlite3 .import)", ten["import"], ref["import"], "(shown)", None, "s")
        self.row("export 10-year CSV (sqlite3 -csv)", ten["export"], ref["export"], "<= 1.5 x", 1.5, "s")
        self.row("--warnings, 10 years (--version)", ten["warnings"], ref["warnings"], "< 50 ms", 0.050, "s",
                 kind="absolute")
        # What a user feels next: a page's next frame within 100 ms, the
        # report over ten years within 2 s, the daily export of fifty years
        # within 2 s.
        for years, figures in ((10, ten), (50, fifty)):
            self.row(f'Progress "All", next frame, {years} years', figures["progress-all"], None, "< 100 ms", 0.100,
                     "s", kind="absolute")
        for years, figures in ((10, ten), (50, fifty)):
            self.row(f"History's first screen, next frame, {years} years", figures["history"], None, "< 100 ms",
                     0.100, "s", kind="absolute")
        self.row("report over 10 years", ten["report"], None, "< 2 s", 2.0, "s", kind="absolute")
        self.row("daily export, 50 years", fifty["daily"], None, "< 2 s", 2.0, "s", kind="absolute")
        # Fifty years against ten: five times the days may cost at most five
        # times as much.
        for key, name in (("start", "first frame"), ("import", "import"), ("export", "export"),
                          ("warnings", "--warnings"), ("progress-all", 'Progress "All"'),
                          ("history", "History's first screen"), ("report", "report"),
                          ("daily", "daily export")):
            self.row(f"{name}, 50 years (10 years)", fifty[key], ten[key], "<= 5 x (linear)", 5.0, "s")
        self.row("peak RSS at first frame, 50 years (10 years)", fifty["rss"], ten["rss"], "<= 5 x (linear)", 5.0,
                 "MiB")
        print(f"Medians of {self.runs} runs after one warm-up; {os.cpu_count()} CPUs.")
        print(self.table(markdown))
        return 1 if self.failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build-dir", default="build")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args()

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        raise SystemExit("benchmark: needs a display; run it under xvfb-run")
    if shutil.which("sqlite3") is None:
        raise SystemExit("benchmark: needs the sqlite3 shell (Debian package sqlite3)")
    with tempfile.TemporaryDirectory(prefix="patella-bench-") as work:
        return Bench(os.path.abspath(args.build_dir), work, max(1, args.runs)).main(args.markdown)


if __name__ == "__main__":
    sys.exit(main())
