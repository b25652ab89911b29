"""Folders that refuse writes, for real: read-only, or on a disk that is full.

An ordinary user gets a folder of mode 0500; root, whom modes do not stop, gets a tmpfs mounted on the folder
(read-only, or small enough to fill). A test that needs one is skipped, with the reason, where neither is possible.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = os.geteuid() == 0


def _mount(folder: Path, options: str) -> None:
    mount = shutil.which("mount")
    if mount is None:
        pytest.skip("no mount command here; this test needs a real read-only or full disk")
    result = subprocess.run([mount, "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()}); this test needs a real read-only or full disk")


def _unmount(folder: Path) -> None:
    # Lazily: a file the test still holds open (a pooled database connection) must not leave the mount behind.
    subprocess.run([shutil.which("umount") or "/bin/umount", "--lazy", str(folder)], check=True)


@contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """An empty folder that no process of this user can write to."""
    folder.mkdir(parents=True)
    if not ROOT:
        folder.chmod(0o500)
        try:
            yield folder
        finally:
            folder.chmod(0o700)
        return
    _mount(folder, "ro,size=1m")
    try:
        yield folder
    finally:
        _unmount(folder)


@contextmanager
def small_disk(folder: Path, size: str = "4m") -> Iterator[Path]:
    """An empty folder on a disk of its own, small enough to fill (root only: an ordinary user cannot mount one)."""
    if not ROOT:
        pytest.skip("a disk that can be filled needs a tmpfs, which only root can mount")
    folder.mkdir(parents=True)
    _mount(folder, f"size={size}")
    try:
        yield folder
    finally:
        _unmount(folder)


def fill(folder: Path) -> Path:
    """Write a file until the disk is full; delete the file to free the space again."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as file:
        try:
            while True:
                file.write(b"\0" * 65536)
        except OSError:
            pass
        try:
            while True:
                file.write(b"\0" * 512)
        except OSError:
            pass
    return filler
