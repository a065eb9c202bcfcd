#!/usr/bin/env python3
# check-includes.py: who may include whom in src/
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-includes.py SOURCE_ROOT
#
# Fails, naming the files, when
# - the GTK layer's include graph has a cycle: each unit (a .c with its .h
#   and -private.h) is a node, and an arrow goes from a unit to every unit
#   whose header it includes; the application sits above the window, the
#   window above its pages, and nothing below reaches back up;
# - a page, the day's log or any other widget but the window and the
#   application includes the window's header: they speak to the window
#   through actions (win.show-problem, win.edit-entry) and the session;
# - the notifier or a page includes the application's header;
# - src/core (or src/render, once there) includes GTK or libadwaita: the
#   core is tested without a display.

import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.MULTILINE)
# Who may include the window's and the application's headers.
WINDOW_USERS = {'patella-application', 'patella-window', 'main'}
APPLICATION_USERS = {'patella-application', 'main'}


def unit_of(path):
    """patella-window-private.h, patella-window.h, patella-window.c -> patella-window"""
    name = path.name
    for suffix in ('-private.h', '.h', '.c'):
        if name.endswith(suffix):
            return name[:-len(suffix)]
    return name


def find_cycle(graph):
    """One cycle as a list of units, or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {node: WHITE for node in graph}
    stack = []

    def visit(node):
        colour[node] = GREY
        stack.append(node)
        for succ in sorted(graph[node]):
            if colour.get(succ, BLACK) == GREY:
                return stack[stack.index(succ):] + [succ]
            if colour.get(succ) == WHITE:
                found = visit(succ)
                if found:
                    return found
        stack.pop()
        colour[node] = BLACK
        return None

    for node in sorted(graph):
        if colour[node] == WHITE:
            found = visit(node)
            if found:
                return found
    return None


def main():
    root = pathlib.Path(sys.argv[1])
    src = root / 'src'
    problems = []

    # The GTK layer: src/*.c and src/*.h (the core and the renderer are
    # libraries of their own below it).
    files = sorted(p for p in src.glob('*') if p.suffix in ('.c', '.h'))
    units = {unit_of(p) for p in files}
    graph = {unit: set() for unit in units}
    for path in files:
        here = unit_of(path)
        for target in INCLUDE.findall(path.read_text(encoding='utf-8')):
            if '/' in target:
                continue
            there = unit_of(pathlib.Path(target))
            if there in units and there != here:
                graph[here].add(there)
                if there == 'patella-window' and here not in WINDOW_USERS:
                    problems.append(f'{path.relative_to(root)} includes {target}: '
                                    'only the application may; use the window\'s actions')
                if there == 'patella-application' and here not in APPLICATION_USERS:
                    problems.append(f'{path.relative_to(root)} includes {target}: '
                                    'use the session the application hands down')

    cycle = find_cycle(graph)
    if cycle:
        problems.append('the includes go round in a circle: ' + ' -> '.join(cycle))

    # No GTK below the GTK layer.
    for folder in ('core', 'render'):
        for path in sorted((src / folder).glob('*.[ch]')) if (src / folder).is_dir() else []:
            for target in INCLUDE.findall(path.read_text(encoding='utf-8')):
                if target.startswith(('gtk/', 'gdk/', 'adwaita.h')) or target == 'gtk.h':
                    problems.append(f'{path.relative_to(root)} includes {target}: '
                                    f'src/{folder} has no GTK')

    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f'{len(units)} units of the GTK layer, no cycle; no GTK in src/core')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
