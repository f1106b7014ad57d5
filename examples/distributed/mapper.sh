#!/bin/sh
# Hadoop Streaming mapper (and any other "lines on stdin, lines on stdout"
# runner): one JSON record per input line in, one trawl record per line out.
# Exit status 1 only means some articles got error records; the records are
# all there, so the task should not fail for it.
trawl --jsonl - || [ $? -eq 1 ]
