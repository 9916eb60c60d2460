"""The README's interactive example runs as written."""

from __future__ import annotations

import doctest
import re

from conftest import REPO


def test_readme_example() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if b.lstrip().startswith(">>>")]
    assert blocks, "the README has an interactive example"
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for number, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README block {number}", "README.md", 0)
        runner.run(test)
    assert runner.failures == 0
