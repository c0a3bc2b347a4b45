"""Set-up shared by the benchmark scripts; import it before numpy, spaCy or kabar.

Pins the numeric libraries to one thread unless the environment says otherwise (the figures
are per core), puts the repository on
`sys.path` so a script runs from a checkout without installing, and names the shared corpus.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "id-news.jsonl"
