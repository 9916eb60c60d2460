"""The examples in the type stubs run against the real module, and the stubs
name everything the native module exports."""

from __future__ import annotations

import ast
import doctest
from pathlib import Path

import govnotice
from govnotice import _core

# The stub the package holds, installed or in the checkout.
STUB = Path(govnotice.__file__).with_name("_core.pyi")


def test_stub_examples_run() -> None:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    docstrings = [
        ast.get_docstring(node, clean=True)
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Module))
    ]
    examples = [doc for doc in docstrings if doc and ">>>" in doc]
    assert len(examples) >= 8
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for number, doc in enumerate(examples):
        runner.run(parser.get_doctest(doc, dict(vars(_core)), f"stub example {number}", str(STUB), 0))
    assert runner.failures == 0


def test_stub_names_every_export() -> None:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    stubbed = {
        node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))
    } | {
        target.id
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    exported = {name for name in dir(_core) if not name.startswith("_") or name == "__version__"}
    assert exported - stubbed == set()
    assert set(govnotice.__all__) - set(dir(govnotice)) == set()
