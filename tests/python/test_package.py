"""What a user installs: the version, the command line's options, and the files
the package carries besides the code."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import govnotice
from govnotice.__main__ import _parser
from conftest import REPO

PACKAGE = Path(govnotice.__file__).parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "govnotice", *args], capture_output=True, text=True, check=False
    )


def test_the_version_is_the_manifests() -> None:
    manifest = REPO / "Cargo.toml"
    if not manifest.is_file():
        pytest.skip(f"no Cargo.toml at {manifest}")
    version = re.search(r'^version = "([^"]+)"', manifest.read_text(encoding="utf-8"), re.M)
    assert version is not None
    assert govnotice.__version__ == version.group(1)
    assert metadata.version("govnotice") == version.group(1)


def test_version_option() -> None:
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"govnotice {govnotice.__version__}"


def test_help_lists_every_option() -> None:
    result = run("--help")
    assert result.returncode == 0, result.stderr
    options = [o for action in _parser()._actions for o in action.option_strings]
    assert {"--version", "--table", "--format", "--output", "--column", "--base-date", "--region"} <= set(options)
    for option in options:
        assert re.search(rf"(^|[\s,\[]){re.escape(option)}\b", result.stdout), option
    assert "INPUT" in result.stdout


def test_the_package_carries_its_stub_marker_and_licences() -> None:
    assert (PACKAGE / "_core.pyi").is_file()
    assert (PACKAGE / "py.typed").is_file()
    files = {Path(str(f)).name for f in metadata.distribution("govnotice").files or []}
    assert {"LICENSE-MIT", "LICENSE-APACHE"} <= files, sorted(files)


@pytest.mark.skipif(not os.environ.get("GOVNOTICE_INSTALLED"), reason="run against the development build")
def test_the_installed_package_is_the_one_imported() -> None:
    # scripts/package sets GOVNOTICE_INSTALLED after installing a wheel or
    # sdist into a fresh environment: the package must come from there, not
    # from the checkout.
    assert REPO not in PACKAGE.resolve().parents
    assert Path(sys.prefix).resolve() in PACKAGE.resolve().parents
