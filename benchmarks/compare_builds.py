"""Build twice and compare every output file: website, every PDF, the offline zip and its members.

Each side is either a folder that already holds a built site or a git commit of this repository
(built here with ``hooks/build_all.py`` from a clean export of that commit, ``node_modules``
linked). Exit status 0 when every file is byte-identical, 1 otherwise (each difference listed).

    .venv/bin/python benchmarks/compare_builds.py /tmp/h14-before/site HEAD
    .venv/bin/python benchmarks/compare_builds.py 38f3922 HEAD --keep /tmp/builds
"""

from __future__ import annotations

import argparse
import hashlib
import io
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def export(commit: str, dest: Path) -> Path:
    """A clean copy of ``commit``'s files in ``dest`` (no .git), with node_modules linked."""
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", commit], cwd=PROJECT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    (dest / "node_modules").symlink_to((PROJECT / "node_modules").resolve())
    return dest


def built(side: str, work: Path, name: str) -> Path:
    """The site folder for ``side``: the folder itself, or a fresh build of the commit."""
    if Path(side).is_dir():
        return Path(side)
    project = export(side, work / name / "project")
    site = work / name / "site"
    subprocess.run([sys.executable, str(project / "hooks" / "build_all.py"), str(site)], cwd=project, check=True)
    return site


def files(site: Path) -> dict[str, bytes]:
    """Every file under ``site`` by its relative path."""
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def zip_differences(name: str, a: bytes, b: bytes) -> list[str]:
    """Members present on one side only, or with different bytes, in two zips."""
    with zipfile.ZipFile(io.BytesIO(a)) as za, zipfile.ZipFile(io.BytesIO(b)) as zb:
        ma = {info.filename: za.read(info) for info in za.infolist()}
        mb = {info.filename: zb.read(info) for info in zb.infolist()}
    found = [f"{name}: member only in the first: {m}" for m in sorted(ma.keys() - mb.keys())]
    found += [f"{name}: member only in the second: {m}" for m in sorted(mb.keys() - ma.keys())]
    found += [f"{name}: member differs: {m}" for m in sorted(ma.keys() & mb.keys()) if ma[m] != mb[m]]
    return found


def compare(first: Path, second: Path) -> tuple[list[str], dict[str, int]]:
    """Every difference between two built sites, and counts of what was compared."""
    a, b = files(first), files(second)
    found = [f"only in the first: {p}" for p in sorted(a.keys() - b.keys())]
    found += [f"only in the second: {p}" for p in sorted(b.keys() - a.keys())]
    counts = {"files": 0, "pdfs": 0, "zips": 0, "zip members": 0}
    for path in sorted(a.keys() & b.keys()):
        counts["files"] += 1
        counts["pdfs"] += path.endswith(".pdf")
        if path.endswith(".zip"):
            counts["zips"] += 1
            with zipfile.ZipFile(io.BytesIO(a[path])) as z:
                counts["zip members"] += len(z.infolist())
            found += zip_differences(path, a[path], b[path])
        if a[path] != b[path]:
            found.append(f"differs: {path} (sha256 {hashlib.sha256(a[path]).hexdigest()[:12]} "
                         f"vs {hashlib.sha256(b[path]).hexdigest()[:12]})")
    return found, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", help="a built site folder or a git commit")
    parser.add_argument("second", help="a built site folder or a git commit")
    parser.add_argument("--keep", type=Path, help="build commits here (kept) instead of a temporary folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="compare-builds-") as temporary:
        work = args.keep or Path(temporary)
        first, second = built(args.first, work, "first"), built(args.second, work, "second")
        found, counts = compare(first, second)
    summary = ", ".join(f"{n} {what}" for what, n in counts.items())
    if found:
        print("\n".join(found))
        print(f"DIFFERENT: {len(found)} difference(s); compared {summary}")
        return 1
    print(f"IDENTICAL: {first} and {second}: compared {summary}, every one byte-identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
