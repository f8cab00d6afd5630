#!/usr/bin/python3
"""Fills tertial templates the way a region's own script would: with openpyxl.

    /usr/bin/python3 scripts/openpyxl-fill.py ENTRIES.json IN_DIR OUT_DIR

ENTRIES.json maps a template's file name (in IN_DIR) to the amounts to type in:
    {"FS-MED_2022-T2.xlsx": [["Resultat", "INT_AVGIFTER", "UTFALL", "12000"], ...]}
Each cell is found as a person would find it: the line code in column A, the column code in the row of codes.
The workbook is saved by openpyxl, which (like many tools) keeps formulas but writes no cached results, renumbers
styles and shared strings and rewrites every part. Used by `tertial bench --only bulk` and by the tests that check
such workbooks load (Debian's python3-openpyxl; scripts/test.sh installs it).
"""
import json
import os
import sys
from decimal import Decimal

import openpyxl


def fill(path, entries, out):
    wb = openpyxl.load_workbook(path)
    for sheet_name, line, column, value in entries:
        ws = wb[sheet_name]
        row = next(r for r in range(1, 200) if ws.cell(row=r, column=1).value == line)
        code_row = next(r for r in range(1, 20)
                        if any(ws.cell(row=r, column=c).value == column for c in range(1, 40)))
        col = next(c for c in range(1, 40) if ws.cell(row=code_row, column=c).value == column)
        amount = Decimal(value)
        ws.cell(row=row, column=col).value = int(amount) if amount == amount.to_integral_value() else float(amount)
    wb.save(out)


def main():
    entries_file, in_dir, out_dir = sys.argv[1:4]
    with open(entries_file, encoding="utf-8") as f:
        entries = json.load(f)
    os.makedirs(out_dir, exist_ok=True)
    for name, cells in sorted(entries.items()):
        fill(os.path.join(in_dir, name), cells, os.path.join(out_dir, name))


if __name__ == "__main__":
    main()
