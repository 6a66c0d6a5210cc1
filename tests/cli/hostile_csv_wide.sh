#!/usr/bin/env bash
# Regression (hang): a CSV header with 100,000 distinct columns (0.7 MB) must
# be read in seconds. importers/csv.c read_header() compares every column
# name with every earlier one (O(n^2) strcasecmp): 100k columns took 53 s,
# 200k 187 s; a 256 MB file would never finish. Fails until that is fixed.
source "$(dirname "$0")/hostile_lib.bash"
TIMEOUT=${RG_WIDE_TIMEOUT:-20}
python3 -c '
import sys
n = 100000
sys.stdout.write("Id," + ",".join("c%d" % i for i in range(n)) + "\n")
sys.stdout.write("a," + ",".join("v" for i in range(n)) + "\n")' >"$T/wide.csv"
run_rg 01 "100k distinct columns" build wide.csv -o wide.json
[ "$rc" -eq 1 ] && names wide.csv
finish
