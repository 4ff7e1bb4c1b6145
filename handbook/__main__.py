"""`python -m handbook`: the authoring commands (new, check, schema) of handbook.tools.cli."""

import sys

from handbook.tools.cli import main

sys.exit(main())
