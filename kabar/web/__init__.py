"""`kabar serve`: a read-only web app (pages and a JSON API) over a kabar store."""

from kabar.web.app import create_app

__all__ = ["create_app"]
