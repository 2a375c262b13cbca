"""One line naming the machine a benchmark ran on, printed above its figures.

The project's machine is not the same computer from one day to the next (an AMD EPYC
one day, an Intel Xeon another, about twice as fast), so a figure means little
without the processor it was measured on.
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path


def processor() -> str:
    """The processor's model name, as the system gives it."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def describe() -> str:
    """Processor, cores, Python and the load average, in one line."""
    load = f", load {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    python = sys.version.split()[0]
    return f"{processor()}, {os.cpu_count()} cores, Python {python}{load}"
