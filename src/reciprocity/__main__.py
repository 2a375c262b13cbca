"""``python -m reciprocity``: the same as the ``reciprocity`` command."""

from reciprocity.cli import run

if __name__ == "__main__":
    run()
