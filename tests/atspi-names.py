#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a screen reader hears: Patella on a real AT-SPI bus.

Starts the accessibility bus (at-spi-bus-launcher), runs the built patella
with GTK_A11Y=atspi on a fresh database, and walks its accessible tree as
Orca would, on Today, Progress, History and in Preferences. Fails on any
focusable node on screen that has no name, a name that says a run of words
twice ("Next Next", "Pain During Activity Pain During Activity") or a name
with a mnemonic underscore ("_Quit").

    atspi-names.py PATELLA_BINARY

Run under a session bus and an X server (build-aux/patella-dev test does).
"""
import datetime
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import re

# The suite's G_DEBUG=fatal-warnings would turn pyatspi's own chatter about
# the bus into a crash of this script.
os.environ.pop("G_DEBUG", None)

import pyatspi  # noqa: E402

# With no name, GTK 4.8 gives AT-SPI the widget's type: "GtkToggleButton".
TYPE_NAME = re.compile(r"(Gtk|Adw|Patella)[A-Z][A-Za-z]*")

def repeats(name):
    """A run of one or more words said twice in a row, or None."""
    words = name.split()
    for size in range(1, len(words) // 2 + 1):
        for start in range(0, len(words) - 2 * size + 1):
            if words[start:start + size] == words[start + size:start + 2 * size]:
                # Numbers may repeat ("0 0" is no echo); words may not.
                if not all(w.replace(".", "").replace(",", "").isdigit() for w in words[start:start + size]):
                    return " ".join(words[start:start + size])
    return None


def has_size(node):
    """Whether the node was ever laid out: GTK 4.8 says "visible" of widgets
    that are not on screen (a switched-off search, say), but those have no
    size, and no one can move the focus to them."""
    try:
        extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return True
    return extents.width > 0 and extents.height > 0


def describe(node):
    path = []
    while node is not None and len(path) < 8:
        try:
            path.append("%s %r" % (node.getRoleName(), node.name))
            node = node.parent
        except Exception:
            break
    return " < ".join(path)


def walk(node, found, depth=0):
    if node is None or depth > 60:
        return
    try:
        states = node.getState()
        role = node.getRole()
        name = node.name or ""
    except Exception:
        return
    # GTK 4.8 marks what is on screen "visible" (it never sets "showing").
    if not states.contains(pyatspi.STATE_VISIBLE) and depth > 1:
        return
    if states.contains(pyatspi.STATE_FOCUSABLE) and role != pyatspi.ROLE_FRAME and has_size(node):
        if name.strip() == "" or TYPE_NAME.fullmatch(name):
            found.append("no name: " + describe(node))
        elif "_" in name:
            found.append("underscore in %r: %s" % (name, describe(node)))
        else:
            echo = repeats(name)
            if echo is not None:
                found.append("%r said twice in %r: %s" % (echo, name, describe(node)))
    try:
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return
    for child in children:
        walk(child, found, depth + 1)


def find_app(pid, timeout=90):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid and app.childCount > 0:
                    return app
            except Exception:
                continue
        time.sleep(0.2)
    return None


def windows(app):
    return [app.getChildAtIndex(i) for i in range(app.childCount)]


def find_nodes(node, role, name, found, depth=0):
    if node is None or depth > 60:
        return
    try:
        if node.getRole() == role and node.name == name and node.getState().contains(pyatspi.STATE_VISIBLE):
            found.append(node)
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return
    for child in children:
        find_nodes(child, role, name, found, depth + 1)


def press(app, role, name):
    """Does what a click on the control does, through AT-SPI."""
    found = []
    for window in windows(app):
        find_nodes(window, role, name, found)
    for node in found:
        try:
            action = node.queryAction()
        except NotImplementedError:
            continue
        for i in range(action.nActions):
            if action.getName(i) in ("click", "activate", "press", "toggle"):
                action.doAction(i)
                time.sleep(1.0)
                return True
    return False


def start(binary, tmp, env, welcome_done):
    """Starts patella on a fresh database; returns its process and its node."""
    config = os.path.join(tmp, "config-%d" % welcome_done)
    keyfile = os.path.join(config, "glib-2.0", "settings", "keyfile")
    os.makedirs(os.path.dirname(keyfile))
    with open(keyfile, "w") as f:
        f.write("[io/github/patella/Patella]\nwelcome-done=%s\n" % ("true" if welcome_done else "false"))
    env = dict(env, XDG_CONFIG_HOME=config)
    database = "--database=" + os.path.join(tmp, "patella-%d.db" % welcome_done)
    if welcome_done:
        # A severe pain score and a run today: a warning, and the day's log.
        # Twenty days of easy squats and quadriceps setting before: two
        # suggestions of a next level, one shown and one behind its button.
        log = os.path.join(tmp, "today.csv")
        with open(log, "w") as f:
            today = datetime.date.today()
            f.write("date,kind,item,sets,reps,pain,context,minutes,distance_km,rpe\n")
            for back in range(20, 0, -1):
                day = (today - datetime.timedelta(days=back)).isoformat()
                for item in ("squat", "quad-setting"):
                    f.write("%s,exercise,%s,3,10,,,,,\n" % (day, item))
            f.write("%s,pain,,,,9,stairs,,,\n%s,run,,,,,,30,5,4\n" % (today, today))
        subprocess.run([binary, database, "--import-csv=" + log], env=env, check=True,
                       stdout=subprocess.DEVNULL)
    process = subprocess.Popen([binary, database], env=env)
    app = find_app(process.pid)
    time.sleep(2.0)
    return process, app


def listen(app, place, problems, seen):
    found = []
    for window in windows(app):
        walk(window, found)
    for line in found:
        if line not in seen:
            seen.add(line)
            problems.append("%s: %s" % (place, line))


def main():
    binary = sys.argv[1]
    problems = []
    seen = set()
    tmp = tempfile.mkdtemp(prefix="patella-atspi-")
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    env["GSETTINGS_BACKEND"] = "keyfile"
    env["XDG_DATA_HOME"] = os.path.join(tmp, "data")

    # Without DISPLAY: the launcher would connect to the X server only to
    # leave its address there, and Xvfb resets when its last client goes,
    # refusing the next one for a moment. Its children (the bus and the
    # registry) share its process group, and its output is not ours: the
    # test runner waits for its output to close.
    launcher_env = {k: v for k, v in env.items() if k != "DISPLAY"}
    launcher = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"], env=launcher_env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    processes = []
    try:
        time.sleep(1.0)
        print("1..1")

        # The first start: the welcome, page by page.
        process, app = start(binary, tmp, env, False)
        processes.append(process)
        if app is None:
            print("Bail out! patella never appeared on the accessibility bus")
            return 1
        listen(app, "Welcome", problems, seen)
        for _ in range(2):
            if press(app, pyatspi.ROLE_PUSH_BUTTON, "Next"):
                listen(app, "Welcome", problems, seen)
        process.terminate()
        process.wait(timeout=10)

        # Every page of the window, the timer and Preferences.
        process, app = start(binary, tmp, env, True)
        processes.append(process)
        if app is None:
            print("Bail out! patella never appeared on the accessibility bus")
            return 1
        listen(app, "Today", problems, seen)
        # The suggestions, one at a time: its buttons heard by their names,
        # and the other one behind "Show 1 More Suggestion".
        accept = []
        for window in windows(app):
            find_nodes(window, pyatspi.ROLE_PUSH_BUTTON, "Accept", accept)
        if len(accept) != 1:
            problems.append("Today: %d suggestion cards heard, not 1" % len(accept))
        if press(app, pyatspi.ROLE_PUSH_BUTTON, "Show 1 More Suggestion"):
            listen(app, "Today, every suggestion", problems, seen)
            accept = []
            for window in windows(app):
                find_nodes(window, pyatspi.ROLE_PUSH_BUTTON, "Accept", accept)
            if len(accept) != 2:
                problems.append("Today: %d suggestion cards heard after Show More, not 2" % len(accept))
        else:
            problems.append("could not press Show 1 More Suggestion")
        for page in ("Progress", "History"):
            if press(app, pyatspi.ROLE_PAGE_TAB, page):
                listen(app, page, problems, seen)
            else:
                problems.append("could not reach %s" % page)
        press(app, pyatspi.ROLE_PAGE_TAB, "Today")
        if press(app, pyatspi.ROLE_PUSH_BUTTON, "Start the timer for Quadriceps setting"):
            listen(app, "Timer", problems, seen)
            press(app, pyatspi.ROLE_PUSH_BUTTON, "Start")
            listen(app, "Timer", problems, seen)
        else:
            problems.append("could not open the timer")
        # The menu opens once the window has settled; try again if not yet.
        for _ in range(5):
            if press(app, pyatspi.ROLE_PUSH_BUTTON, "Main Menu") and \
               press(app, pyatspi.ROLE_MENU_ITEM, "Preferences"):
                listen(app, "Preferences", problems, seen)
                if press(app, pyatspi.ROLE_PAGE_TAB, "Warnings"):
                    listen(app, "Preferences, Warnings", problems, seen)
                else:
                    problems.append("could not reach the Warnings preferences")
                break
        else:
            problems.append("could not open Preferences")

        for line in problems:
            print("# " + line)
        if problems:
            print("not ok 1 - %d problems a screen reader meets" % len(problems))
            return 1
        print("ok 1 - every focusable control has one clean name")
        return 0
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)
        try:
            os.killpg(launcher.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        launcher.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
