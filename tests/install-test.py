#!/usr/bin/env python3
# install-test.py: `meson install` into a DESTDIR, check what lands, start it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: install-test.py --builddir DIR --srcdir DIR --app-id ID --version V
#                        --prefix P --bindir B --datadir D --localedir L
#
# Installs the build (without rebuilding: `meson test` has built it already)
# into a fresh temporary DESTDIR, checks that the binary, desktop file,
# metainfo, icons, schema, D-Bus service and one .mo per language in po/LINGUAS are there,
# then runs the installed binary: --version, --check, and the window up to
# its first painted frame (PATELLA_FIRST_FRAME=1). gnome.post_install()
# touches nothing here: meson skips its scripts when DESTDIR is set.

import argparse
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

WINDOW_TIMEOUT = 60
FIRST_FRAME = re.compile(r'^first-frame monotonic-us=\d+ peak-rss-kb=-?\d+$', re.MULTILINE)
MO_MAGIC = (b'\xde\x12\x04\x95', b'\x95\x04\x12\xde')

failures = []


def fail(message):
    print(f'FAIL: {message}', file=sys.stderr)
    failures.append(message)


def under(root, path):
    """ROOT/PATH for an absolute PATH, as DESTDIR does it."""
    return root / pathlib.PurePath(path).relative_to('/')


def in_prefix(prefix, path):
    return pathlib.PurePath(prefix) / path


def languages(srcdir):
    linguas = srcdir / 'po' / 'LINGUAS'
    if not linguas.exists():
        return []
    langs = []
    for line in linguas.read_text(encoding='utf-8').splitlines():
        langs.extend(line.split('#', 1)[0].split())
    return langs


def run(argv, env=None, timeout=120):
    print('$ ' + ' '.join(str(a) for a in argv), flush=True)
    try:
        return subprocess.run([str(a) for a in argv], env=env, timeout=timeout,
                              stdin=subprocess.DEVNULL, capture_output=True, text=True)
    except subprocess.TimeoutExpired as e:
        fail(f'{argv[0]} did not finish within {timeout} s')
        print(e.stdout or '', e.stderr or '', sep='\n', file=sys.stderr)
        return None


def check_ok(result, what):
    if result is None:
        return False
    if result.stdout:
        print(result.stdout, end='')
    if result.stderr:
        print(result.stderr, end='', file=sys.stderr)
    if result.returncode != 0:
        fail(f'{what} exited with status {result.returncode}')
        return False
    return True


def main():
    parser = argparse.ArgumentParser()
    for name in ('builddir', 'srcdir', 'app-id', 'version', 'prefix', 'bindir',
                 'datadir', 'localedir'):
        parser.add_argument('--' + name, required=True)
    args = parser.parse_args()

    srcdir = pathlib.Path(args.srcdir)
    app_id = args.app_id
    meson = os.environ.get('MESON', shutil.which('meson'))
    if meson is None:
        print('meson not found', file=sys.stderr)
        return 1

    tmp = pathlib.Path(tempfile.mkdtemp(prefix='patella-install-test-'))
    try:
        destdir = tmp / 'root'
        # --no-rebuild: no ninja run, so no reconfigure either, while other
        # tests use the build tree.
        install_env = dict(os.environ)
        install_env.pop('DESTDIR', None)
        result = run([meson, 'install', '-C', args.builddir, '--destdir', destdir,
                      '--no-rebuild', '--quiet'], env=install_env)
        if not check_ok(result, 'meson install'):
            return 1

        bindir = in_prefix(args.prefix, args.bindir)
        datadir = in_prefix(args.prefix, args.datadir)
        localedir = in_prefix(args.prefix, args.localedir)
        binary = under(destdir, bindir / 'patella')
        schemadir = under(destdir, datadir / 'glib-2.0' / 'schemas')

        expected = [
            binary,
            under(destdir, datadir / 'applications' / f'{app_id}.desktop'),
            under(destdir, datadir / 'metainfo' / f'{app_id}.metainfo.xml'),
            under(destdir, datadir / 'icons/hicolor/scalable/apps' / f'{app_id}.svg'),
            under(destdir, datadir / 'icons/hicolor/symbolic/apps' / f'{app_id}-symbolic.svg'),
            schemadir / f'{app_id}.gschema.xml',
            under(destdir, datadir / 'dbus-1/services' / f'{app_id}.service'),
        ]
        langs = languages(srcdir)
        mo_files = [under(destdir, localedir / lang / 'LC_MESSAGES' / 'patella.mo')
                    for lang in langs]
        for path in expected + mo_files:
            if not path.is_file() or path.stat().st_size == 0:
                fail(f'not installed: {path.relative_to(destdir)}')
        for path in mo_files:
            if path.is_file() and path.read_bytes()[:4] not in MO_MAGIC:
                fail(f'not a .mo file: {path.relative_to(destdir)}')
        if binary.is_file() and not os.access(binary, os.X_OK):
            fail(f'not executable: {binary.relative_to(destdir)}')
        for path in expected[1:3]:
            if path.is_file() and '@app_id@' in path.read_text(encoding='utf-8'):
                fail(f'{path.name} still holds @app_id@')
        # D-Bus starts the installed binary, by its full path.
        service = expected[-1]
        if service.is_file():
            text = service.read_text(encoding='utf-8')
            if f'Name={app_id}\n' not in text or f'Exec={bindir / "patella"} --gapplication-service' not in text:
                fail(f'{service.name} does not start {bindir / "patella"} --gapplication-service:\n{text}')
        # Nothing is compiled or cached at install time with a DESTDIR.
        if (schemadir / 'gschemas.compiled').exists():
            fail('gschemas.compiled was written into the DESTDIR by the install')
        print(f'installed: {len(expected)} files, {len(mo_files)} translations '
              f'({" ".join(langs) or "none in po/LINGUAS"})')
        if failures:
            return 1

        if not check_ok(run(['glib-compile-schemas', '--strict', schemadir]),
                        'glib-compile-schemas'):
            return 1

        home = tmp / 'home'
        for sub in ('data', 'config', 'cache', 'state'):
            (home / sub).mkdir(parents=True)
        env = dict(os.environ)
        for var in ('GSETTINGS_SCHEMA_DIR', 'PATELLA_FIRST_FRAME', 'G_DEBUG'):
            env.pop(var, None)
        # Built with the sanitizers, the installed binary is checked for
        # starting up, not for leaks (the other tests do that): LeakSanitizer's
        # tracer at exit sometimes crashes while the GL driver's threads end.
        env['ASAN_OPTIONS'] = ':'.join(filter(None, [env.get('ASAN_OPTIONS'), 'detect_leaks=0']))
        env.update({
            'GSETTINGS_SCHEMA_DIR': str(schemadir),
            'GSETTINGS_BACKEND': 'memory',
            'HOME': str(home),
            'XDG_DATA_HOME': str(home / 'data'),
            'XDG_CONFIG_HOME': str(home / 'config'),
            'XDG_CACHE_HOME': str(home / 'cache'),
            'XDG_STATE_HOME': str(home / 'state'),
            'XDG_DATA_DIRS': os.pathsep.join([
                str(under(destdir, datadir)),
                os.environ.get('XDG_DATA_DIRS', '/usr/local/share:/usr/share')]),
            'LANGUAGE': 'C',
            'NO_AT_BRIDGE': '1',
            'GTK_A11Y': 'none',
        })

        result = run([binary, '--version'], env=env)
        if check_ok(result, 'patella --version'):
            if result.stdout.strip() != f'patella {args.version}':
                fail(f'--version printed {result.stdout.strip()!r}, '
                     f'not {"patella " + args.version!r}')

        check_ok(run([binary, '--check', f'--database={tmp / "x.db"}'], env=env),
                 'patella --check')
        if failures:
            return 1

        if not (os.environ.get('DISPLAY') or os.environ.get('WAYLAND_DISPLAY')):
            print('SKIP: no display for the window (run under xvfb-run)')
            return 77

        env['PATELLA_FIRST_FRAME'] = '1'
        env['G_DEBUG'] = 'fatal-criticals'
        result = run([binary, f'--database={tmp / "y.db"}'], env=env,
                     timeout=WINDOW_TIMEOUT)
        if check_ok(result, 'the installed window'):
            if not FIRST_FRAME.search(result.stdout):
                fail('the installed window did not report its first frame')
            else:
                print('the installed window painted its first frame')
        return 1 if failures else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
