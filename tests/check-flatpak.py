#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: valid JSON, the right app ID and command, a
GNOME runtime, the modules the runtime lacks, and minimal permissions."""

import json
import sys

with open(sys.argv[1], encoding='utf-8') as f:
    manifest = json.load(f)

errors = []
if manifest.get('id', manifest.get('app-id')) != 'io.github.quorumapp.Quorum':
    errors.append('the app ID is not io.github.quorumapp.Quorum')
if manifest.get('command') != 'quorum':
    errors.append('the command is not quorum')
if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
    errors.append('the runtime is not the GNOME platform')

modules = manifest.get('modules', [])
names = [m.get('name') if isinstance(m, dict) else m for m in modules]
if not names or names[-1] != 'quorum':
    errors.append('the last module must be quorum')
for needed in ('libqrencode', 'libical'):
    if needed not in names:
        errors.append(f'no module for {needed}, which the GNOME runtime lacks')
last = modules[-1] if modules else {}
if isinstance(last, dict) and last.get('buildsystem') != 'meson':
    errors.append('quorum is not built with meson')

allowed = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri',
           '--share=network'}
for arg in manifest.get('finish-args', []):
    if arg not in allowed:
        errors.append(f'unexpected permission {arg}')
for needed in ('--socket=wayland', '--socket=fallback-x11', '--share=ipc'):
    if needed not in manifest.get('finish-args', []):
        errors.append(f'missing permission {needed}')

for e in errors:
    print(e)
sys.exit(1 if errors else 0)
