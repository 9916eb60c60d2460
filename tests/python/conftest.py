"""Shared fixtures: paths to the texts that live beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
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
