#!/bin/sh
# Runs trawl over a JSON Lines file with GNU parallel on this machine: the
# input is cut into blocks of whole lines and each block goes to its own
# trawl process; records come out as each block finishes.
#   sh examples/distributed/parallel.sh IN.jsonl OUT.jsonl [TRAWL] [JOBS]
# Add -k (--keep-order) to get the records in input order.
set -e
IN=$1
OUT=$2
TRAWL=${3:-trawl}
JOBS=${4:-4}
parallel --pipepart -a "$IN" --block 512k -j "$JOBS" "$TRAWL" --jsonl - > "$OUT"
