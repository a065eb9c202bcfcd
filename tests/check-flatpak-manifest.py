#!/usr/bin/env python3
# check-flatpak-manifest.py: the Flatpak manifests stay on a supported GNOME
# runtime, with the minimal sandbox holes and every source pinned
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak-manifest.py MANIFEST APP_ID [FLATHUB_GENERATOR]
#
# Patella writes exports through the file chooser portal, prints through the
# print portal, starts at login through the Background portal and keeps its
# database in the sandbox's XDG_DATA_HOME, so it needs no network and no
# filesystem access: finish-args must be exactly the display and GPU ones.
# With FLATHUB_GENERATOR, the manifest it writes for a Flathub submission
# (a git source with tag and commit) is checked by the same rules.

import json
import pathlib
import re
import subprocess
import sys

RUNTIME = 'org.gnome.Platform'
SDK = 'org.gnome.Sdk'
# GNOME runtimes past their end of life on Flathub (December 2026: each is
# kept for about a year, two releases). Flathub's linter refuses these.
END_OF_LIFE = {f'3.{minor}' for minor in range(24, 40, 2)} | {str(v) for v in range(40, 50)}
FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']
# Built as modules: the runtime does not ship them.
DEPENDENCIES = ['libcsv', 'libportal', 'libxlsxwriter']

failures = []


def check(condition, message):
    if not condition:
        print(f'FAIL: {message}', file=sys.stderr)
        failures.append(message)


def check_source(name, source, manifest_dir, flathub):
    kind = source.get('type')
    if kind in ('archive', 'file'):
        check(source.get('url', '').startswith('https://'),
              f'{name}: {kind} source is not fetched over https')
        check(re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')) is not None,
              f'{name}: {kind} source has no sha256')
    elif kind == 'git':
        check(source.get('url', '').startswith('https://'), f'{name}: git source is not fetched over https')
        check(re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')) is not None,
              f'{name}: git source pins no commit')
        check(bool(source.get('tag')), f'{name}: git source names no tag')
    elif kind == 'dir':
        check(not flathub, f'{name}: a Flathub manifest builds from git, not from a folder')
        check(name == 'patella', f'{name}: only Patella itself may come from the local tree')
        root = (manifest_dir / source.get('path', '')).resolve()
        check((root / 'meson.build').is_file() and (root / 'src' / 'main.c').is_file(),
              f'the dir source {source.get("path")} is not the Patella source tree')
    else:
        check(False, f'{name}: unexpected source type {kind}')


def check_manifest(manifest, app_id, manifest_dir, flathub):
    label = 'Flathub manifest' if flathub else 'manifest'
    check(manifest.get('id', manifest.get('app-id')) == app_id, f'{label}: id is not {app_id}')
    check(manifest.get('runtime') == RUNTIME, f'{label}: runtime is not {RUNTIME}')
    check(manifest.get('sdk') == SDK, f'{label}: sdk is not {SDK}')
    version = str(manifest.get('runtime-version', ''))
    check(re.fullmatch(r'\d+', version) is not None, f'{label}: runtime-version “{version}” is not a GNOME release')
    check(version not in END_OF_LIFE, f'{label}: {RUNTIME}//{version} is end-of-life')
    check(manifest.get('command') == 'patella', f'{label}: command is not patella')

    finish_args = manifest.get('finish-args', [])
    for arg in finish_args:
        check(not arg.startswith('--share=network'), f'{label}: finish-args share the network')
        check(not arg.startswith('--filesystem'), f'{label}: finish-args open a filesystem: {arg}')
        check(not arg.startswith('--talk-name') and not arg.startswith('--own-name'),
              f'{label}: finish-args talk to a bus name directly: {arg}')
    check(sorted(finish_args) == sorted(FINISH_ARGS) and len(finish_args) == len(FINISH_ARGS),
          f'{label}: finish-args are {finish_args}, not exactly {FINISH_ARGS}')

    modules = manifest.get('modules', [])
    names = [m.get('name') if isinstance(m, dict) else m for m in modules]
    check(len(names) == len(set(names)), f'{label}: module names repeat: {names}')
    check(names[-1:] == ['patella'], f'{label}: patella is not the last module: {names}')
    for dependency in DEPENDENCIES:
        check(dependency in names, f'{label}: no {dependency} module')

    for module in modules:
        check(isinstance(module, dict), f'{label}: module {module} is not written out')
        if not isinstance(module, dict):
            continue
        name = module.get('name')
        sources = module.get('sources', [])
        check(len(sources) > 0, f'{label}: {name} has no source')
        for source in sources:
            check_source(name, source, manifest_dir, flathub)

    patella = {m.get('name'): m for m in modules if isinstance(m, dict)}.get('patella', {})
    check(patella.get('buildsystem') == 'meson', f'{label}: patella is not built with meson')
    return names


def main(argv):
    if len(argv) not in (3, 4):
        print('usage: check-flatpak-manifest.py MANIFEST APP_ID [FLATHUB_GENERATOR]', file=sys.stderr)
        return 2
    path = pathlib.Path(argv[1])
    app_id = argv[2]

    check(path.name == f'{app_id}.json', f'{path.name} is not named after the app ID')
    try:
        manifest = json.loads(path.read_text(encoding='utf-8'))
    except (OSError, ValueError) as e:
        print(f'FAIL: {path}: {e}', file=sys.stderr)
        return 1
    names = check_manifest(manifest, app_id, path.parent, flathub=False)

    if len(argv) == 4:
        generator = argv[3]
        commit = '0123456789abcdef0123456789abcdef01234567'
        run = subprocess.run([sys.executable, generator, '--local', str(path), '--tag', '0.0.0',
                              '--commit', commit], capture_output=True, text=True)
        check(run.returncode == 0, f'the Flathub generator failed: {run.stderr.strip()}')
        if run.returncode == 0:
            flathub = json.loads(run.stdout)
            check_manifest(flathub, app_id, path.parent, flathub=True)
            source = [m for m in flathub['modules'] if m.get('name') == 'patella'][0]['sources'][0]
            check(source.get('commit') == commit and source.get('tag') == '0.0.0',
                  'the Flathub manifest does not build the tag and commit asked for')
        # A short or made-up commit is refused, not written.
        bad = subprocess.run([sys.executable, generator, '--local', str(path), '--tag', '0.0.0',
                              '--commit', 'HEAD'], capture_output=True, text=True)
        check(bad.returncode != 0 and bad.stdout == '', 'the Flathub generator wrote a manifest for commit “HEAD”')

    if failures:
        return 1
    print(f'{path.name}: {RUNTIME}//{manifest["runtime-version"]}, modules {" → ".join(names)}, '
          f'finish-args {" ".join(manifest["finish-args"])}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
