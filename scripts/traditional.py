#!/usr/bin/env python3
"""Writes data/traditional.tsv: the traditional forms of the simplified
characters that the layout and publisher tables use.

Usage: scripts/traditional.py OPENCC_DICTIONARY_DIR > data/traditional.tsv

OPENCC_DICTIONARY_DIR holds OpenCC's TSCharacters.txt (traditional to
simplified characters), for example the `opencc/dictionary` folder of the
PyPI package `opencc-python-reimplemented` 0.1.7 (Apache-2.0). Only pairs
of characters of the Basic Multilingual Plane's three-byte range are kept,
so a traditional form and its simplified form have the same length in
UTF-8, and traditional forms that the tables use as they are (乾 of 乾县)
are left out.
"""
import pathlib
import sys

TABLES = ["layout.tsv", "credit_cues.tsv", "source_kinds.tsv", "agency_cues.tsv", "surnames.txt"]

def three_bytes(c):
    return len(c.encode("utf-8")) == 3

def main():
    data = pathlib.Path(__file__).resolve().parent.parent / "data"
    used = set()
    for name in TABLES:
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                used.update(c for c in line if "\u4e00" <= c <= "\u9fff")
    for name in ["divisions_nbs2023.csv", "divisions_mca2024_additions.csv", "division_history_former.csv"]:
        for line in (data / name).read_text(encoding="utf-8").splitlines()[1:]:
            used.update(c for c in line if "\u4e00" <= c <= "\u9fff")
    forms = {}
    path = pathlib.Path(sys.argv[1]) / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        trad, simps = line.split("\t")
        for simp in simps.split():
            # A traditional form that the tables also use as it is (乾 of
            # 乾县, also a form of 干) is not folded.
            if simp in used and trad not in used and simp != trad and three_bytes(simp) and three_bytes(trad):
                forms.setdefault(simp, []).append(trad)
    print("# Traditional forms of the simplified characters of the layout, publisher and")
    print("# surname tables and the division names, from OpenCC's TSCharacters.txt")
    print("# (Apache-2.0); written by")
    print("# scripts/traditional.py. Columns: simplified, its traditional forms (space-separated).")
    for simp in sorted(forms):
        print(f"{simp}\t{' '.join(sorted(set(forms[simp])))}")

main()
