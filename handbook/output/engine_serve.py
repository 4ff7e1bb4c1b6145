"""`properdocs serve`, with its file watcher looking every 0.1 s instead of every 0.5 s.

`make serve` runs the engine on the assembled folder (handbook.output.serve). The engine learns of a page that
assemble wrote by polling the folder, every half second by default: on average a quarter of a second, and up to
half a second, of every edit's wait. ProperDocs takes no option for it, so this sets the default of its
LiveReloadServer's `polling_interval` and runs its command line as it is. Looking at the assembled folder's few
hundred files ten times a second costs little.
"""

from __future__ import annotations

import functools
import sys

from properdocs import livereload

POLLING_INTERVAL = 0.1


def main() -> int:
    server = livereload.LiveReloadServer
    server.__init__ = functools.partialmethod(server.__init__, polling_interval=POLLING_INTERVAL)  # type: ignore[method-assign]
    from properdocs.__main__ import cli

    return cli(prog_name="properdocs")


if __name__ == "__main__":
    sys.exit(main())
