"""The `kabar` command line: a thin layer over the library. Each module adds its commands."""

from kabar.cli import batch as _batch  # noqa: F401  (registers `kabar batch`)
from kabar.cli import evaluate as _evaluate  # noqa: F401  (registers `kabar eval`)
from kabar.cli import extract as _extract  # noqa: F401  (registers commands)
from kabar.cli import queries as _queries  # noqa: F401  (registers the query commands)
from kabar.cli import serve as _serve  # noqa: F401  (registers `kabar serve`)
from kabar.cli import store as _store  # noqa: F401  (registers ingest and export)
from kabar.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    import gc

    from kabar.threads import limit_threads

    # Before any command loads numpy: one BLAS/OpenMP thread per process unless the user set them.
    limit_threads()
    try:
        app()
    finally:
        # The process ends next. Its last garbage collection walked every object of a loaded
        # pipeline and took 0.3 s of each command's wall time; frozen, they are only freed.
        gc.freeze()
