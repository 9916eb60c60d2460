"""govnotice side by side with the peers a user would otherwise combine.

Run through ``benches/compare_peers.sh``, which sets up ``benches/.venv-peers``
and installs everything. In one process and on the same notices it times:

- govnotice: ``govnotice.parse(text)``, one call per notice; and
  ``govnotice.parse_many(texts)`` on the whole set, on one thread and on all
  cores (the call a user with many notices makes), best of repeated runs;
- JioNLP: ``jio.ner.extract_time`` + ``jio.ner.extract_money`` +
  ``jio.recognize_location`` (each also reported alone);
- cpca: ``cpca.transform_text_with_addrs`` (addresses in free text);
- cn2an: ``cn2an.transform(text, "cn2an")`` (Chinese numerals to digits);
- Microsoft Recognizers-Text, Chinese culture: currency and dimension models
  (number with unit) + the datetime model, models built once.

Notice sets: the seed notices (``../shared/seeds``) and a sample of the corpus
(``../shared/corpus``): every ``--stride``-th record of each file, at most
``--corpus-limit`` per file. A missing source is skipped with a note.

Every tool first parses the set once untimed (what it builds lazily is then
built for these texts), then once timed. A slow tool gets a time budget per
set and pass (``--budget`` seconds): it parses notices in order until the
budget is spent, and its ratio is taken against govnotice on exactly the
notices it parsed.

Agreement, where outputs can be compared (counted per notice set, over the
notices both tools parsed):

- money: JioNLP's ``extract_money`` amounts (and Recognizers' currency
  values) against govnotice's metrics in CNY, as multisets of values (equal
  within 0.5 yuan). "peer found, govnotice too" is the share of the peer's
  amounts that govnotice also reports; "govnotice found, peer too" the other
  way round. Ranges count by their lower value.
- dates: JioNLP's time points whose text names a year, month and day
  (absolute days only, so the base date does not matter), against
  govnotice's dates: matched when a govnotice date covers the same text
  position and starts on the same day.
- places: cpca's codes (county level and above) and JioNLP's county names,
  against the codes and names of govnotice's district mentions at county
  level and above. Both peers also report places as parts of street
  addresses, which govnotice reports too; the comparison is by set per
  notice, not by mention.
- cn2an rewrites text rather than finding mentions: timed only.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
CORPUS_FILES = [
    ("division-changes", "corpus/division-change-notices/notices.jsonl"),
    ("shanghai-covid", "corpus/shanghai-covid-2022-notices/notices.jsonl"),
    ("work-reports", "corpus/gov-work-reports/reports.jsonl"),
]
# The least notices a parse_many batch is timed on; a smaller set is repeated.
BATCH_NOTICES = 200
# JioNLP resolves relative dates against a base; only absolute days are
# compared, so any fixed base will do.
TIME_BASE = datetime.datetime(2024, 1, 1).timestamp()


def load_sets(args: argparse.Namespace) -> list[tuple[str, list[str]]]:
    sets = []
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if seeds:
        sets.append(("seeds", [p.read_text(encoding="utf-8") for p in seeds]))
    else:
        print(f"note: no seeds at {SHARED / 'seeds'}; skipped", file=sys.stderr)
    sample: list[str] = []
    for name, rel in CORPUS_FILES:
        path = SHARED / rel
        if not path.exists():
            print(f"note: no corpus file {path}; skipped", file=sys.stderr)
            continue
        with path.open(encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for line in f if line.strip()]
        picked = texts[:: args.stride][: args.corpus_limit]
        sample.extend(picked)
    if sample:
        sets.append(("corpus-sample", sample))
    return sets


# --- tools -----------------------------------------------------------------


class Tool:
    def __init__(self, name: str, run: Callable[[str], Any], load_seconds: float):
        self.name = name
        self.run = run
        self.load_seconds = load_seconds


def load_tools(skip: set[str]) -> tuple[list[Tool], dict[str, str]]:
    tools: list[Tool] = []
    missing: dict[str, str] = {}
    warm = "上海市宝山区2023年5月15日新增企业420余家，投资3500万元，占地6.9平方公里。"

    def add(name: str, make: Callable[[], Callable[[str], Any]]) -> None:
        if name in skip:
            return
        start = time.perf_counter()
        try:
            run = make()
            run(warm)  # dictionaries and models load on first call
        except Exception as e:  # a peer that fails to import is reported, not fatal
            missing[name] = f"{type(e).__name__}: {e}"
            return
        tools.append(Tool(name, run, time.perf_counter() - start))

    def govnotice_tool():
        import govnotice

        return govnotice.parse

    def jionlp_parts():
        import jionlp as jio

        return jio

    add("govnotice", govnotice_tool)

    jio_holder: dict[str, Any] = {}

    def jio_time():
        jio = jio_holder.setdefault("jio", jionlp_parts())
        return lambda t: jio.ner.extract_time(t, time_base=TIME_BASE, with_parsing=True)

    def jio_money():
        jio = jio_holder.setdefault("jio", jionlp_parts())
        return lambda t: jio.ner.extract_money(t, with_parsing=True)

    def jio_location():
        jio = jio_holder.setdefault("jio", jionlp_parts())
        return jio.recognize_location

    add("jionlp.extract_time", jio_time)
    add("jionlp.extract_money", jio_money)
    add("jionlp.recognize_location", jio_location)

    def cpca_tool():
        import cpca

        return cpca.transform_text_with_addrs

    def cn2an_tool():
        import cn2an

        return lambda t: cn2an.transform(t, "cn2an")

    def recognizers_tool():
        from recognizers_date_time import DateTimeRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture

        units = NumberWithUnitRecognizer(Culture.Chinese)
        models = [
            units.get_currency_model(),
            units.get_dimension_model(),
            DateTimeRecognizer(Culture.Chinese).get_datetime_model(),
        ]
        return lambda t: [model.parse(t) for model in models]

    add("cpca", cpca_tool)
    add("cn2an", cn2an_tool)
    add("recognizers-text", recognizers_tool)
    return tools, missing


# --- timing ----------------------------------------------------------------


def time_batch(texts: list[str], threads: int, min_seconds: float = 1.0) -> float:
    """Notices per second of ``govnotice.parse_many`` over ``texts`` on
    ``threads`` threads: the best of runs repeated for at least
    ``min_seconds`` (and three runs)."""
    import govnotice

    govnotice.parse_many(texts[:1], threads=threads)
    best = float("inf")
    spent = 0.0
    runs = 0
    while spent < min_seconds or runs < 3:
        start = time.perf_counter()
        govnotice.parse_many(texts, threads=threads)
        took = time.perf_counter() - start
        best = min(best, took)
        spent += took
        runs += 1
    return len(texts) / best


def time_tool(tool: Tool, texts: list[str], budget: float) -> tuple[list[float], list[Any]]:
    """Per-notice seconds and outputs, in order, until the budget is spent,
    on a second pass: the first, untimed and within the same budget, lets
    every tool build what it builds lazily on the texts themselves
    (govnotice's date automaton grows its states on first sight of a text,
    which is most of its time on a first pass over five notices)."""
    spent = 0.0
    for text in texts:
        start = time.perf_counter()
        tool.run(text)
        spent += time.perf_counter() - start
        if spent > budget:
            break
    seconds: list[float] = []
    outputs: list[Any] = []
    spent = 0.0
    for text in texts:
        start = time.perf_counter()
        out = tool.run(text)
        took = time.perf_counter() - start
        seconds.append(took)
        outputs.append(out)
        spent += took
        if spent > budget:
            break
    return seconds, outputs


# --- agreement -------------------------------------------------------------


def cny_values(notice: Any) -> list[float]:
    return [m.value for m in notice.metrics if m.unit == "CNY"]


def multiset_agreement(peer: list[list[float]], ours: list[list[float]]) -> tuple[int, int, int, int]:
    """(peer total, peer found by us, our total, ours found by peer)."""
    peer_total = peer_hit = our_total = our_hit = 0
    for p_vals, o_vals in zip(peer, ours):
        peer_total += len(p_vals)
        our_total += len(o_vals)
        peer_hit += matched(p_vals, o_vals)
        our_hit += matched(o_vals, p_vals)
    return peer_total, peer_hit, our_total, our_hit


def matched(values: list[float], pool: list[float]) -> int:
    left = Counter(round(v * 2) for v in pool)  # equal within 0.5 yuan
    hits = 0
    for v in values:
        key = round(v * 2)
        if left[key] > 0:
            left[key] -= 1
            hits += 1
    return hits


def jio_money_values(out: list[dict]) -> list[float]:
    values = []
    for item in out:
        num = (item.get("detail") or {}).get("num")
        if isinstance(num, list):  # a range: [low, high]
            num = num[0]
        try:
            values.append(float(num))
        except (TypeError, ValueError):
            pass
    return values


def recognizers_money_values(out: list[list[Any]]) -> list[float]:
    values = []
    for result in out[0]:  # the currency model
        res = result.resolution or {}
        if res.get("isoCurrency") != "CNY" and res.get("unit") != "Chinese yuan":
            continue
        try:
            values.append(float(res.get("value")))
        except (TypeError, ValueError):
            pass
    return values


def date_agreement(jio_out: list[list[dict]], ours: list[Any]) -> tuple[int, int]:
    total = hit = 0
    for items, notice in zip(jio_out, ours):
        for item in items:
            text = item.get("text", "")
            if item.get("type") != "time_point" or not all(c in text for c in "年月日"):
                continue
            times = (item.get("detail") or {}).get("time") or []
            if not times or not isinstance(times, list):
                continue
            total += 1
            day = str(times[0])[:10]
            at = item["offset"][0]
            for d in notice.dates:
                if d.span[0] <= at < d.span[1] and d.start is not None and d.start.isoformat() == day:
                    hit += 1
                    break
    return total, hit


def our_places(notice: Any) -> tuple[set[str], set[str]]:
    codes, names = set(), set()
    for d in notice.districts:
        if d.level in ("province", "city", "county") and d.code:
            codes.add(d.code)
            names.add(d.name)
    return codes, names


def place_agreement_cpca(cpca_out: list[Any], ours: list[Any]) -> tuple[int, int, int, int]:
    peer_total = peer_hit = our_total = our_hit = 0
    for frame, notice in zip(cpca_out, ours):
        codes = {str(c) for c in frame["adcode"].dropna() if str(c)} if len(frame) else set()
        mine, _ = our_places(notice)
        # cpca reports the deepest level it recognised; a county code counts
        # as agreeing when govnotice found that county or a place inside it.
        peer_total += len(codes)
        peer_hit += sum(1 for c in codes if any(m.startswith(c.rstrip("0")) for m in mine))
        our_total += len(mine)
        our_hit += sum(1 for m in mine if any(c.startswith(m.rstrip("0")) or m.startswith(c.rstrip("0")) for c in codes))
    return peer_total, peer_hit, our_total, our_hit


def place_agreement_jio(jio_out: list[dict], ours: list[Any]) -> tuple[int, int, int, int]:
    peer_total = peer_hit = our_total = our_hit = 0
    for found, notice in zip(jio_out, ours):
        names = set()
        for entry in (found or {}).get("domestic") or []:
            place = entry[0] if isinstance(entry, list) else entry
            county = (place or {}).get("county")
            if county:
                names.add(county)
        _, mine = our_places(notice)
        peer_total += len(names)
        peer_hit += len(names & mine)
        our_total += len(mine)
        our_hit += len(mine & names)
    return peer_total, peer_hit, our_total, our_hit


# --- report ----------------------------------------------------------------


def pct(hit: int, total: int) -> str:
    return f"{100 * hit / total:5.1f}% ({hit}/{total})" if total else "   n/a (0)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-limit", type=int, default=20, help="notices per corpus file (default 20)")
    parser.add_argument("--stride", type=int, default=25, help="take every N-th corpus record (default 25)")
    parser.add_argument("--budget", type=float, default=120.0, help="seconds per tool per set (default 120)")
    parser.add_argument("--skip", default="", help="comma-separated tool names to leave out")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    sets = load_sets(args)
    tools, missing = load_tools({s for s in args.skip.split(",") if s})
    print(f"python {sys.version.split()[0]}, pid {os.getpid()}, one process")
    for name, why in missing.items():
        print(f"not run: {name}: {why}")
    print("load + first call (s): " + ", ".join(f"{t.name} {t.load_seconds:.2f}" for t in tools))
    report: dict[str, Any] = {"missing": missing, "sets": {}}

    for set_name, texts in sets:
        size = sum(len(t.encode("utf-8")) for t in texts)
        print(f"\n== {set_name}: {len(texts)} notices, {size / 1e6:.2f} MB ==")
        results: dict[str, tuple[list[float], list[Any]]] = {}
        for tool in tools:
            results[tool.name] = time_tool(tool, texts, args.budget)
        ours_secs = results["govnotice"][0]
        ours_out = results["govnotice"][1]
        jio_parts = ["jionlp.extract_time", "jionlp.extract_money", "jionlp.recognize_location"]
        if all(p in results for p in jio_parts):
            n = min(len(results[p][0]) for p in jio_parts)
            combo = [sum(results[p][0][i] for p in jio_parts) for i in range(n)]
            results["JioNLP time+money+location"] = (combo, [None] * n)
        print(f"{'tool':<32} {'notices':>7} {'notices/s':>10} {'median ms':>10} {'govnotice ×':>12}")
        rows = {}
        for name, (secs, _) in results.items():
            n = len(secs)
            rate = n / sum(secs) if sum(secs) else float("inf")
            ours_rate = n / sum(ours_secs[:n]) if sum(ours_secs[:n]) else float("inf")
            ratio = ours_rate / rate if rate else float("inf")
            rows[name] = {"notices": n, "per_s": rate, "median_ms": statistics.median(secs) * 1e3, "ratio": ratio}
            note = "" if n == len(texts) else f"  (budget: first {n})"
            print(f"{name:<32} {n:>7} {rate:>10.2f} {rows[name]['median_ms']:>10.2f} {ratio:>11.0f}×{note}")

        # Batches: the JioNLP combination's rate is set against parse_many
        # over the same notices (the ones it parsed within its budget),
        # repeated to at least BATCH_NOTICES so that a batch has enough
        # notices to share among threads (five notices of unequal length do
        # not split evenly over two).
        combo = results.get("JioNLP time+money+location")
        same = texts[: len(combo[0])] if combo else texts
        batch_texts = same * max(1, -(-BATCH_NOTICES // max(1, len(same))))
        combo_rate = len(combo[0]) / sum(combo[0]) if combo and sum(combo[0]) else None
        cores = os.cpu_count() or 1
        for threads in sorted({1, cores}):
            rate = time_batch(batch_texts, threads)
            versus = f"{rate / combo_rate:>11.0f}×" if combo_rate else "—"
            name = f"govnotice parse_many, {threads} thread{'s' if threads > 1 else ''}"
            rows[name] = {
                "notices": len(batch_texts),
                "per_s": rate,
                "versus_jionlp": rate / combo_rate if combo_rate else None,
            }
            print(f"{name:<32} {len(batch_texts):>7} {rate:>10.2f} {'':>10} {versus}  (× JioNLP time+money+location)")

        agreement = {}
        if "jionlp.extract_money" in results:
            out = results["jionlp.extract_money"][1]
            pt, ph, ot, oh = multiset_agreement([jio_money_values(o) for o in out], [cny_values(n) for n in ours_out])
            agreement["money: JioNLP vs govnotice CNY"] = (pt, ph, ot, oh)
        if "recognizers-text" in results:
            out = results["recognizers-text"][1]
            pt, ph, ot, oh = multiset_agreement(
                [recognizers_money_values(o) for o in out], [cny_values(n) for n in ours_out]
            )
            agreement["money: Recognizers currency vs govnotice CNY"] = (pt, ph, ot, oh)
        if "jionlp.extract_time" in results:
            total, hit = date_agreement(results["jionlp.extract_time"][1], ours_out)
            agreement["absolute days: JioNLP time points vs govnotice dates"] = (total, hit, None, None)
        if "cpca" in results:
            agreement["places: cpca codes vs govnotice districts"] = place_agreement_cpca(
                results["cpca"][1], ours_out
            )
        if "jionlp.recognize_location" in results:
            agreement["places: JioNLP counties vs govnotice districts"] = place_agreement_jio(
                results["jionlp.recognize_location"][1], ours_out
            )
        print("agreement (peer found, govnotice too | govnotice found, peer too):")
        for what, (pt, ph, ot, oh) in agreement.items():
            ours_part = pct(oh, ot) if ot is not None else "—"
            print(f"  {what:<55} {pct(ph, pt):>22} | {ours_part}")
        report["sets"][set_name] = {"notices": len(texts), "bytes": size, "tools": rows, "agreement": agreement}

    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
