"""Resident memory over a million calls of govnotice.parse.

Prints the resident set size every 100,000 calls; a leak shows as steady
growth after the first sample (which holds the loaded tables).

    maturin develop --release && python benches/memory_growth.py [CALLS]
"""

from __future__ import annotations

import sys
import time

import govnotice

NOTICE = (
    "上海市宝山区园区年报\n\n发布机构: 宝山区经济委员会 发布日期:2024-01-18\n\n"
    "2023年，宝山区园区已入驻企业420余家，总产值近300亿元，同比增长12.5%。"
    "今年6月，吴淞街道新增助餐点15个，服务老人超过3000人次。\n"
)


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    step = max(calls // 10, 1)
    govnotice.parse(NOTICE)
    start = time.perf_counter()
    print(f"{'calls':>9} {'RSS MB':>8} {'seconds':>8}")
    print(f"{0:>9} {rss_mb():>8.1f} {0:>8.1f}")
    for done in range(1, calls + 1):
        notice = govnotice.parse(NOTICE)
        notice.to_dict()
        if done % step == 0:
            print(f"{done:>9} {rss_mb():>8.1f} {time.perf_counter() - start:>8.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
