"""The local web app (``reciprocity serve``): the same store and core as the CLI, in a browser."""

from reciprocity.web.app import WebConfig, create_app

__all__ = ["WebConfig", "create_app"]
