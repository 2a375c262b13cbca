"""reciprocity: see whether your closest relationships are mutual, and what to do when not.

The package is layered: ``reciprocity.core`` is the pure domain and analysis,
``reciprocity.store`` persists it, ``reciprocity.formats`` reads and writes files,
and ``reciprocity.cli`` is the terminal face. Importing this package stays cheap
so that ``reciprocity --help`` answers at once.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
