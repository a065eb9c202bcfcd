#!/usr/bin/env python3
# check-flatpak-manifest.py: the Flatpak manifest stays on the GNOME runtime
# with the minimal sandbox holes
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak-manifest.py MANIFEST APP_ID
#
# Patella writes exports through the file chooser portal and keeps its
# database in the sandbox's XDG_DATA_HOME, so it needs no network and no
# filesystem access: finish-args must be exactly the display and GPU ones.

import json
import pathlib
import sys

RUNTIME = 'org.gnome.Platform'
SDK = 'org.gnome.Sdk'
# GNOME 43 has GTK 4.8 and libadwaita 1.2, as Debian 12 does.
RUNTIME_VERSION = '43'
FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']

failures = []


def check(condition, message):
    if not condition:
        print(f'FAIL: {message}', file=sys.stderr)
        failures.append(message)


def main(argv):
    if len(argv) != 3:
        print(__doc__ or 'usage: check-flatpak-manifest.py MANIFEST APP_ID', file=sys.stderr)
        return 2
    path = pathlib.Path(argv[1])
    app_id = argv[2]

    check(path.name == f'{app_id}.json', f'{path.name} is not named after the app ID')
    try:
        manifest = json.loads(path.read_text(encoding='utf-8'))
    except (OSError, ValueError) as e:
        print(f'FAIL: {path}: {e}', file=sys.stderr)
        return 1

    check(manifest.get('id', manifest.get('app-id')) == app_id, f'id is not {app_id}')
    check(manifest.get('runtime') == RUNTIME, f'runtime is not {RUNTIME}')
    check(manifest.get('sdk') == SDK, f'sdk is not {SDK}')
    check(manifest.get('runtime-version') == RUNTIME_VERSION,
          f'runtime-version is not "{RUNTIME_VERSION}"')
    check(manifest.get('command') == 'patella', 'command is not patella')

    finish_args = manifest.get('finish-args', [])
    for arg in finish_args:
        check(not arg.startswith('--share=network'), 'finish-args shares the network')
        check(not arg.startswith('--filesystem'), f'finish-args opens a filesystem: {arg}')
    check(sorted(finish_args) == sorted(FINISH_ARGS) and len(finish_args) == len(FINISH_ARGS),
          f'finish-args are {finish_args}, not exactly {FINISH_ARGS}')

    modules = manifest.get('modules', [])
    names = [m.get('name') if isinstance(m, dict) else m for m in modules]
    check(len(names) == len(set(names)), f'module names repeat: {names}')
    check('libcsv' in names, 'no libcsv module')
    check(names[-1:] == ['patella'], f'patella is not the last module: {names}')
    if 'libcsv' in names and 'patella' in names:
        check(names.index('libcsv') < names.index('patella'),
              'the libcsv module does not come before patella')

    for module in modules:
        if not isinstance(module, dict):
            continue
        name = module.get('name')
        for source in module.get('sources', []):
            kind = source.get('type')
            if kind in ('archive', 'file'):
                check(source.get('url', '').startswith('https://'),
                      f'{name}: {kind} source is not fetched over https')
                check(len(source.get('sha256', '')) == 64,
                      f'{name}: {kind} source has no sha256')
            elif kind == 'git':
                check('commit' in source or 'tag' in source,
                      f'{name}: git source pins neither a tag nor a commit')

    by_name = {m.get('name'): m for m in modules if isinstance(m, dict)}
    libcsv = by_name.get('libcsv', {})
    check(libcsv.get('buildsystem', 'autotools') == 'autotools',
          'libcsv is not built with autotools')
    patella = by_name.get('patella', {})
    check(patella.get('buildsystem') == 'meson', 'patella is not built with meson')
    dirs = [s for s in patella.get('sources', []) if s.get('type') == 'dir']
    check(len(dirs) == 1, 'patella is not built from the source tree (one dir source)')
    for source in dirs:
        root = (path.parent / source.get('path', '')).resolve()
        check((root / 'meson.build').is_file() and (root / 'src' / 'main.c').is_file(),
              f'the dir source {source.get("path")} is not the Patella source tree')

    if failures:
        return 1
    print(f'{path.name}: {RUNTIME}//{RUNTIME_VERSION}, modules {" → ".join(names)}, '
          f'finish-args {" ".join(finish_args)}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
