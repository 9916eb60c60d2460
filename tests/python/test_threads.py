"""Many Python threads at once, Ctrl-C during a long batch, and batches in
forked processes."""

from __future__ import annotations

import multiprocessing
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import govnotice


def test_eight_threads_parse_correctly(sample_notices: dict[str, str]) -> None:
    texts = list(sample_notices.values()) * 20
    expected = [govnotice.parse(t).to_dict() for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda t: govnotice.parse(t).to_dict(), texts))
        batches = list(pool.map(lambda chunk: [n.to_dict() for n in govnotice.parse_many(chunk, threads=2)],
                                [texts[i : i + 10] for i in range(0, len(texts), 10)]))
    assert got == expected
    assert [d for chunk in batches for d in chunk] == expected


@pytest.mark.skipif(sys.platform == "win32", reason="Windows sends a child no SIGINT, only console events")
def test_ctrl_c_stops_a_long_batch_promptly(tmp_path) -> None:
    script = textwrap.dedent(
        """
        import sys, govnotice
        text = open(sys.argv[1], encoding="utf-8").read()
        print("ready", flush=True)
        try:
            govnotice.parse_many([text] * 200_000, threads=1)
        except KeyboardInterrupt:
            print("interrupted", flush=True)
            sys.exit(3)
        """
    )
    notice = tmp_path / "notice.txt"
    notice.write_text("上海市宝山区园区年报\n\n" + "园区已入驻企业420余家，总产值近300亿元。" * 50, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(notice)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    # 200,000 notices take minutes; an interrupted batch ends in seconds.
    out, _ = process.communicate(timeout=30)
    assert process.returncode == 3
    assert "interrupted" in out


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork here")
def test_a_forked_child_parses_after_its_parent(tmp_path) -> None:
    # multiprocessing's default start method on Linux forks the parent, whose
    # worker threads do not come along into the child.
    script = textwrap.dedent(
        """
        import multiprocessing, govnotice
        TEXT = "上海市宝山区园区年报\\n\\n2023年，园区已入驻企业420余家。\\n"
        def titles(count):
            return [notice.title for notice in govnotice.parse_many([TEXT] * count)]
        if __name__ == "__main__":
            govnotice.parse_many([TEXT] * 50)
            govnotice.parse_many([TEXT] * 50, threads=2)
            with multiprocessing.get_context("fork").Pool(2) as pool:
                found = pool.map(titles, [10, 20])
            print(sum(map(len, found)), found[1][0])
        """
    )
    path = tmp_path / "fork.py"
    path.write_text(script, encoding="utf-8")
    # A child waiting for its parent's threads would wait forever.
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["30", "上海市宝山区园区年报"]
