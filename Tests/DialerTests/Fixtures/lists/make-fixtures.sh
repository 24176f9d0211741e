#!/bin/sh
# Makes the list fixtures with LibreOffice Calc (Debian libreoffice-calc-nogui), as team leads' office
# tools write them, from the UTF-8 sources beside this script:
#   vn.xlsx            vn-source.csv with every column typed "standard": the phone column becomes numbers
#                      (0912345678 is stored as 912345678), dates become dates, TRUE/FALSE booleans
#   vn-workbook.xlsx   vn-workbook.fods: two sheets ("Ghi chú", "Khách hàng"), the 1904 date system, rich
#                      text, a merged cell, a number shown as 8.4988E+10, empty cells and an empty row
#   vn-1258.csv        Windows-1258 (Vietnamese Windows: tone marks as combining bytes), columns "standard"
#                      as a team lead's Calc saves it (the phones lose their 0). LibreOffice 7.4 writes ý
#                      as y + 0xCC (a grave), so "Lý" reads back as "Lỳ": the file holds what it wrote.
#   vn-utf16.csv       UTF-16 little-endian with a byte-order mark (phones kept as text)
#   cs-1250.csv        cs-source.csv in Windows-1250 (Czech)
#   vn-mac.csv         vn-source.csv with CR line ends (Excel for Mac's "CSV (Macintosh)")
# Usage: make-fixtures.sh [OUTDIR]   (default: this folder). Tests/DialerTests/ListFixtureTests.swift
# runs it into a temporary folder when soffice is present and checks the files read the same.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
profile="-env:UserInstallation=file://$work/profile"
convert() { soffice "$profile" --headless "$@" >/dev/null 2>&1; }
mkdir -p "$out" "$work/xlsx" "$work/1258" "$work/16" "$work/1250"
convert --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$work/xlsx" "$here/vn-source.csv"
convert --convert-to xlsx --outdir "$work/xlsx" "$here/vn-workbook.fods"
convert --infilter="CSV:44,34,76,1" --convert-to "csv:Text - txt - csv (StarCalc):44,34,40" --outdir "$work/1258" "$here/vn-source.csv"
convert --infilter="CSV:44,34,76,1,1/2/2/2/3/2/4/2/5/2" --convert-to "csv:Text - txt - csv (StarCalc):44,34,65535" --outdir "$work/16" "$here/vn-source.csv"
convert --infilter="CSV:44,34,76,1,1/2/2/2/3/2" --convert-to "csv:Text - txt - csv (StarCalc):44,34,33" --outdir "$work/1250" "$here/cs-source.csv"
cp "$work/xlsx/vn-source.xlsx" "$out/vn.xlsx"
cp "$work/xlsx/vn-workbook.xlsx" "$out/vn-workbook.xlsx"
cp "$work/1258/vn-source.csv" "$out/vn-1258.csv"
cp "$work/16/vn-source.csv" "$out/vn-utf16.csv"
cp "$work/1250/cs-source.csv" "$out/cs-1250.csv"
tr '\n' '\r' < "$here/vn-source.csv" > "$out/vn-mac.csv"
