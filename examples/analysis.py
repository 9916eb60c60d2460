"""Figures per district and day from Shanghai's 2022 epidemic bulletins.

Parses the bundled sample notices and the 190 Shanghai notices of the
evaluation corpus (read from ../shared/corpus beside the checkout), keeps the
figures that count new local cases in one district, sums them per district
and day, checks them against the per-district counts published with the
corpus, and saves a chart.

    pip install ".[analysis]"        # govnotice with pandas, pyarrow, matplotlib
    python examples/analysis.py      # writes docs/analysis.png
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

import govnotice

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "shanghai-covid-2022-notices"


def load() -> pd.DataFrame:
    records = [json.loads(line) for line in (CORPUS / "notices.jsonl").open(encoding="utf-8")]
    samples = [
        {"id": path.name, "text": path.read_text(encoding="utf-8"), "kind": "sample"}
        for path in sorted((REPO / "examples" / "notices").glob("*.txt"))
    ]
    return pd.DataFrame(samples + records).set_index("id")


def case_figures(notices: pd.DataFrame) -> pd.DataFrame:
    """New local cases per district and day: `浦东新区新增180例本土确诊病例`."""
    tables = govnotice.frames(notices["text"], progress=True)
    metrics = tables["metrics"]
    county = metrics["district_code"].str.len().eq(6) & ~metrics["district_code"].str.endswith("0000")
    local = metrics["subject"].fillna("").str.contains("本土")
    cases = metrics[(metrics["unit"] == "例") & county & local & metrics["date_start"].notna()].copy()
    cases["kind"] = cases["subject"].str.contains("无症状").map({True: "asymptomatic", False: "confirmed"})
    names = {code: govnotice.lookup_division(code).name for code in cases["district_code"].unique()}
    cases["district"] = cases["district_code"].map(names)
    cases["district_code"] = cases["district_code"].astype(str)
    # Each day is reported by the health commission and reposted on WeChat:
    # keep one figure per district, day and kind.
    daily = (
        cases.groupby(["date_start", "district", "district_code", "kind"])["value"]
        .max()
        .unstack("kind", fill_value=0)
        .reset_index("district_code")
    )
    return daily


def agreement(daily: pd.DataFrame) -> float:
    """Share of (day, district) rows whose counts equal the published ones."""
    gold_rows = []
    for line in (CORPUS / "daily_counts_by_district.jsonl").open(encoding="utf-8"):
        day = json.loads(line)
        for d in day["districts"]:
            gold_rows.append((pd.Timestamp(day["report_day"]), d["district_name"], d["confirmed"], d["asymptomatic"]))
    gold = pd.DataFrame(gold_rows, columns=["date_start", "district", "confirmed", "asymptomatic"])
    gold = gold.set_index(["date_start", "district"])
    parsed = daily[["confirmed", "asymptomatic"]].add_suffix("_parsed")
    joined = gold.join(parsed, how="left")
    joined = joined.astype(float).fillna(0.0)
    same = (joined["confirmed"] == joined["confirmed_parsed"]) & (joined["asymptomatic"] == joined["asymptomatic_parsed"])
    return float(same.mean())


def chart(daily: pd.DataFrame, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cases = daily.reset_index().set_index(["date_start", "district_code"])[["confirmed", "asymptomatic"]]
    total = cases.sum(axis=1).unstack("district_code", fill_value=0)
    top = total.sum().nlargest(6).index
    ax = total[top].plot(figsize=(9, 4.5), linewidth=1.4)
    ax.set_title("New local cases per district, as parsed from the daily bulletins")
    ax.set_xlabel("")
    ax.set_ylabel("cases (confirmed + asymptomatic)")
    # Labelled by division code: the chart then needs no CJK font.
    ax.legend(list(top), title="district code", fontsize=8)
    plt.tight_layout()
    plt.savefig(path, dpi=110)


def main() -> int:
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    daily = case_figures(load())
    print(daily.tail(10).to_string())
    print(f"\n(day, district) rows matching the published counts: {agreement(daily):.1%}")
    out = REPO / "docs" / "analysis.png"
    chart(daily, out)
    print(f"chart saved to {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
