#!/usr/bin/env python3
# flathub-manifest.py: the manifest for a Flathub submission, from the local one
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The local manifest builds the source tree it sits in (a `dir` source).
# Flathub builds a tagged release from git instead: this writes the same
# manifest with Patella's source replaced by the repository, the tag and
# the tag's commit, which Flathub's builders check out and verify.
#
#   build-aux/flatpak/flathub-manifest.py --tag 0.2.0 --commit "$(git rev-parse 0.2.0^{commit})" > io.github.patella.Patella.json

import argparse
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
LOCAL = HERE / 'io.github.patella.Patella.json'
REPOSITORY = 'https://github.com/patella/patella.git'


def flathub_manifest(local, url, tag, commit):
    if not re.fullmatch(r'[0-9a-f]{40}', commit):
        raise ValueError(f'“{commit}” is not a full commit hash (40 hexadecimal digits)')
    if not tag or tag.startswith('-') or any(c.isspace() for c in tag):
        raise ValueError(f'“{tag}” is not a tag name')

    manifest = json.loads(json.dumps(local))
    patella = [m for m in manifest['modules'] if isinstance(m, dict) and m.get('name') == 'patella']
    if len(patella) != 1:
        raise ValueError('the local manifest has no single patella module')
    patella[0]['sources'] = [{'type': 'git', 'url': url, 'tag': tag, 'commit': commit}]
    return manifest


def main(argv):
    parser = argparse.ArgumentParser(description='Write the Flathub manifest for a tagged release.')
    parser.add_argument('--tag', required=True, help='the release tag, e.g. 0.2.0')
    parser.add_argument('--commit', required=True, help='the full hash of the commit the tag names')
    parser.add_argument('--url', default=REPOSITORY, help=f'the repository (default: {REPOSITORY})')
    parser.add_argument('--local', default=str(LOCAL), help='the local manifest to start from')
    args = parser.parse_args(argv[1:])

    try:
        local = json.loads(pathlib.Path(args.local).read_text(encoding='utf-8'))
        manifest = flathub_manifest(local, args.url, args.tag, args.commit)
    except (OSError, ValueError, KeyError) as e:
        print(f'flathub-manifest: {e}', file=sys.stderr)
        return 1
    json.dump(manifest, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
