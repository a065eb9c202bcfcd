#!/usr/bin/env python3
# check-potfiles.py: po/POTFILES.in lists every file with translatable strings
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.py SOURCE_ROOT
#
# Fails, naming each file, when a source file holds strings marked for
# translation but is missing from po/POTFILES.in (its strings would never
# reach the translators), or when POTFILES.in lists a file that no longer
# exists (xgettext, and so `meson compile patella-pot`, would fail).

import pathlib
import re
import sys

# The glib preset's keywords (_ N_ C_ NC_ g_dcgettext g_dngettext
# g_dpgettext2) and xgettext's default C keywords.
C_MARKER = re.compile(
    r'(?<![A-Za-z0-9_])'
    r'(_|N_|C_|NC_|Q_|gettext|dgettext|dcgettext|ngettext|dngettext|dcngettext'
    r'|pgettext|dpgettext|npgettext|g_dgettext|g_dcgettext|g_dngettext'
    r'|g_dpgettext|g_dpgettext2)'
    r'\s*\(')
UI_MARKER = re.compile(r'\btranslatable\s*=\s*["\'](yes|true|1)["\']', re.IGNORECASE)
DESKTOP_MARKER = re.compile(r'^(Name|GenericName|Comment|Keywords|X-GNOME-FullName)\s*=',
                            re.MULTILINE)
METAINFO_MARKER = re.compile(r'<(name|summary|description|caption|developer_name)[\s>]')
SCHEMA_MARKER = re.compile(r'<(summary|description)[\s>]|\bl10n\s*=')


def strip_c_literals(text):
    """Drops C comments and the contents of string and character literals:
    a marker named there is not a string marked for translation."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(c + c)
            i = j + 1
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            i = n if j < 0 else j + 2
            out.append(' ')
        elif text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def strip_xml_comments(text):
    return re.sub(r'<!--.*?-->', ' ', text, flags=re.DOTALL)


def is_translatable(path):
    text = path.read_text(encoding='utf-8', errors='replace')
    name = path.name
    if name.endswith(('.c', '.h')):
        return bool(C_MARKER.search(strip_c_literals(text)))
    if name.endswith('.ui'):
        return bool(UI_MARKER.search(strip_xml_comments(text)))
    if '.desktop.in' in name:
        return bool(DESKTOP_MARKER.search(text))
    if '.metainfo.xml.in' in name or '.appdata.xml.in' in name:
        return bool(METAINFO_MARKER.search(strip_xml_comments(text)))
    if name.endswith('.gschema.xml') or '.gschema.xml.in' in name:
        return bool(SCHEMA_MARKER.search(strip_xml_comments(text)))
    if name.endswith('.in'):
        text = strip_xml_comments(text)
        return bool(C_MARKER.search(text) or UI_MARKER.search(text))
    return False


def candidates(root):
    src = root / 'src'
    for pattern in ('*.c', '*.h', '*.ui'):
        yield from src.rglob(pattern)
    data = root / 'data'
    yield from data.glob('*.in')
    yield from data.glob('*.gschema.xml')


def read_potfiles(potfiles):
    listed = []
    for line in potfiles.read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if not line or line.startswith('#') or line.startswith('['):
            continue
        listed.append(line)
    return listed


def main(argv):
    root = pathlib.Path(argv[1] if len(argv) > 1 else '.').resolve()
    potfiles = root / 'po' / 'POTFILES.in'
    if not potfiles.is_file():
        print(f'{potfiles}: missing', file=sys.stderr)
        return 1

    listed = read_potfiles(potfiles)
    listed_set = set(listed)
    failed = False

    gone = [f for f in listed if not (root / f).is_file()]
    for f in gone:
        print(f'po/POTFILES.in lists {f}, which does not exist', file=sys.stderr)
        failed = True

    dupes = sorted({f for f in listed if listed.count(f) > 1})
    for f in dupes:
        print(f'po/POTFILES.in lists {f} more than once', file=sys.stderr)
        failed = True

    marked = sorted({p.relative_to(root).as_posix()
                     for p in candidates(root) if is_translatable(p)})
    missing = [f for f in marked if f not in listed_set]
    for f in missing:
        print(f'{f} has translatable strings but is missing from po/POTFILES.in',
              file=sys.stderr)
        failed = True

    # Harmless, so only a note: the file is scanned for nothing.
    for f in listed:
        path = root / f
        if path.is_file() and f not in marked and path.suffix in ('.c', '.h', '.ui'):
            print(f'note: po/POTFILES.in lists {f}, which has no translatable strings')

    print(f'{len(marked)} files with translatable strings, {len(listed)} listed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
