"""`kabar batch`: extraction on a Dask cluster into a Parquet dataset with the store's tables.

    >>> from kabar.batch import run_batch
    >>> report = run_batch(["crawl/*.warc.gz"], "out/")       # a LocalCluster sized to the machine
    >>> report = run_batch(inputs, "out/", scheduler="tcp://scheduler:8786")

The query layer reads such a folder in place (`kabar.batch.views.connect_dataset`).
"""

from kabar.batch.dataset import Dataset, is_dataset
from kabar.batch.runner import BatchReport, run_batch
from kabar.batch.shards import Shard, plan_shards

__all__ = ["BatchReport", "Dataset", "Shard", "is_dataset", "plan_shards", "run_batch"]
