"""Shared fixtures: paths to the texts that live beside the repository.

The tests also run from a copy outside the checkout, against an installed
wheel or source distribution (``scripts/package``); ``GOVNOTICE_SOURCE`` then
names the checkout whose README, examples and manifest they read.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(os.environ.get("GOVNOTICE_SOURCE", Path(__file__).resolve().parents[2])).resolve()
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """The seed notices, by file name; skips when they are not beside the checkout."""
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip(f"seed notices not found at {folder}")
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}


@pytest.fixture(scope="session")
def sample_notices() -> dict[str, str]:
    """The sample notices bundled in examples/notices."""
    folder = REPO / "examples" / "notices"
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}
