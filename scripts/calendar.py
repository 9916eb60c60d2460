#!/usr/bin/env python3
"""Writes data/lunar.tsv and data/solar_terms.tsv, and checks each against a
second source.

    pip install lunar-python==1.4.8 lunardate==0.3.0 ephem==4.2.1
    python3 scripts/calendar.py

The tables come from `lunar-python` (MIT). The lunar months are checked
against `lunardate` (its own month table, 1900-2099): the first day of every
month of every year must convert to the same Gregorian day, or else fall on
the day of the new moon by `ephem`, or that new moon be within
`NEAR_MIDNIGHT` of midnight. The solar terms
are checked against `ephem` (the VSOP87 Sun): a term is the China-time day on
which the Sun's apparent longitude reaches its multiple of 15 degrees. A
term that falls within a few minutes of midnight may land on the other day
in the two models; the script lists every difference and fails if any is more
than `NEAR_MIDNIGHT` from midnight.
"""

import datetime
import math
import sys
from pathlib import Path

import ephem
import lunardate
from lunar_python import LunarYear, Solar

FIRST, LAST = 1901, 2099
DATA = Path(__file__).resolve().parent.parent / "data"

# The solar terms in the order they fall in a Gregorian year, with the Sun's
# longitude at each.
TERMS = [
    ("小寒", 285), ("大寒", 300), ("立春", 315), ("雨水", 330), ("惊蛰", 345),
    ("春分", 0), ("清明", 15), ("谷雨", 30), ("立夏", 45), ("小满", 60),
    ("芒种", 75), ("夏至", 90), ("小暑", 105), ("大暑", 120), ("立秋", 135),
    ("处暑", 150), ("白露", 165), ("秋分", 180), ("寒露", 195), ("霜降", 210),
    ("立冬", 225), ("小雪", 240), ("大雪", 255), ("冬至", 270),
]

# The names lunar-python gives, in pinyin, to the terms at the edges of its
# table (those of the next lunar year).
PINYIN = {
    "DA_XUE": "大雪", "DONG_ZHI": "冬至", "XIAO_HAN": "小寒", "DA_HAN": "大寒",
    "LI_CHUN": "立春", "YU_SHUI": "雨水", "JING_ZHE": "惊蛰",
}

# How close to midnight (China time) a term may fall for the two models to
# put it on different days: their Sun positions differ by well under a
# minute of time, ΔT extrapolated past today by a few more.
NEAR_MIDNIGHT = datetime.timedelta(minutes=10)

CHINA = datetime.timedelta(hours=8)


def lunar_rows():
    rows = []
    for year in range(FIRST - 1, LAST + 1):
        months = LunarYear.fromYear(year).getMonthsInYear()
        first = Solar.fromJulianDay(months[0].getFirstJulianDay())
        lengths = "".join("1" if m.getDayCount() == 30 else "0" for m in months)
        leap = next((abs(m.getMonth()) for m in months if m.isLeap()), 0)
        rows.append((year, first.toYmd(), lengths, leap, months))
    return rows


def check_lunar(rows):
    bad = 0
    for year, _, _, _, months in rows:
        for m in months:
            ours = Solar.fromJulianDay(m.getFirstJulianDay()).toYmd()
            try:
                theirs = lunardate.LunarDate(year, abs(m.getMonth()), 1, m.isLeap()).to_solar_date()
            except ValueError:
                continue  # outside lunardate's range (1900-2099)
            if ours == theirs.isoformat():
                continue
            # A month starts on the day of its new moon: where the two
            # tables differ, the Sun-and-Moon model decides, unless the new
            # moon falls too close to midnight for any model to say.
            start = datetime.datetime.fromisoformat(ours) - datetime.timedelta(days=2)
            moon = ephem.next_new_moon(start).datetime() + CHINA
            midnight = datetime.datetime.combine(moon.date(), datetime.time())
            off = min(moon - midnight, midnight + datetime.timedelta(days=1) - moon)
            print(f"lunar {year} month {m.getMonth()}: {ours} vs {theirs}, new moon {moon}", file=sys.stderr)
            if moon.date().isoformat() != ours and off > NEAR_MIDNIGHT:
                bad += 1
    return bad


def sun_longitude(t):
    sun = ephem.Sun()
    sun.compute(t, epoch=t)
    ecl = ephem.Ecliptic(ephem.Equatorial(sun.ra, sun.dec, epoch=t), epoch=t)
    return math.degrees(ecl.lon)


def term_instant(year, index, longitude):
    """The moment (UTC) the Sun reaches `longitude`, by bisection around the
    term's usual date."""
    approx = datetime.datetime(year, 1, 6) + datetime.timedelta(days=15.2 * index)
    lo, hi = ephem.Date(approx - datetime.timedelta(days=4)), ephem.Date(approx + datetime.timedelta(days=4))

    def past(t):
        return (sun_longitude(t) - longitude + 540) % 360 - 180 >= 0

    for _ in range(40):
        mid = ephem.Date((lo + hi) / 2)
        if past(mid):
            hi = mid
        else:
            lo = mid
    return ephem.Date(hi).datetime()


def solar_rows():
    rows = []
    for year in range(FIRST, LAST + 1):
        table = {}
        for lunar_year in (year - 1, year, year + 1):
            for name, solar in Solar.fromYmd(lunar_year, 7, 1).getLunar().getJieQiTable().items():
                name = PINYIN.get(name, name)
                if solar.getYear() == year and name in dict(TERMS):
                    table[name] = solar.toYmd()
        rows.append((year, [table[name] for name, _ in TERMS]))
    return rows


def check_solar(rows):
    bad = 0
    for year, days in rows:
        for index, ((name, longitude), ours) in enumerate(zip(TERMS, days)):
            instant = term_instant(year, index, longitude) + CHINA
            theirs = instant.date().isoformat()
            if ours == theirs:
                continue
            midnight = datetime.datetime.combine(instant.date(), datetime.time())
            off = min(instant - midnight, midnight + datetime.timedelta(days=1) - instant)
            print(f"term {year} {name}: {ours} vs {instant} (China time)", file=sys.stderr)
            if off > NEAR_MIDNIGHT:
                bad += 1
    return bad


def main():
    lunar = lunar_rows()
    solar = solar_rows()
    bad = check_lunar(lunar) + check_solar(solar)
    if bad:
        sys.exit(f"{bad} days differ between the sources")
    with open(DATA / "lunar.tsv", "w", encoding="utf-8") as out:
        out.write(
            "# Lunar years: year, Gregorian day of 正月初一, month lengths in order"
            " (1 = 30 days, 0 = 29; a leap month right after its namesake), leap month"
            " (0 = none). Written by scripts/calendar.py.\n"
        )
        for year, first, lengths, leap, _ in lunar:
            out.write(f"{year}\t{first}\t{lengths}\t{leap}\n")
    with open(DATA / "solar_terms.tsv", "w", encoding="utf-8") as out:
        names = " ".join(name for name, _ in TERMS)
        out.write(
            f"# Solar terms (China time): year, then the day (MMDD) of each of {names}."
            " Written by scripts/calendar.py.\n"
        )
        for year, days in solar:
            out.write(f"{year}\t" + "\t".join(d[5:7] + d[8:10] for d in days) + "\n")


if __name__ == "__main__":
    main()
