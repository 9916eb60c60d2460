"""The interactive examples of the README and of the guides in docs/ run as
written."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from conftest import REPO


def run_examples(path: Path) -> int:
    """Runs every ``>>>`` block of a Markdown file; returns how many there were."""
    text = path.read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if b.lstrip().startswith(">>>")]
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for number, block in enumerate(blocks):
        runner.run(parser.get_doctest(block, {}, f"{path.name} block {number}", str(path), 0))
    assert runner.failures == 0, path
    return len(blocks)


def test_readme_example() -> None:
    assert run_examples(REPO / "README.md") > 0, "the README has an interactive example"


def test_pandas_guide() -> None:
    pytest.importorskip("pandas")
    assert run_examples(REPO / "docs" / "pandas.md") > 0
