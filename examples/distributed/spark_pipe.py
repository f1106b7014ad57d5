# Spark: trawl as an RDD.pipe step. Each partition's lines (JSON records
# with "id" and "text") are piped through one trawl process per partition;
# trawl must be installed on every worker (or shipped with --files).
#   spark-submit examples/distributed/spark_pipe.py hdfs:///news/*.jsonl hdfs:///out/trawl
import sys
from pyspark import SparkContext

sc = SparkContext(appName="trawl")
records = sc.textFile(sys.argv[1]).pipe("sh -c 'trawl --jsonl - || [ $? -eq 1 ]'")
records.saveAsTextFile(sys.argv[2])
