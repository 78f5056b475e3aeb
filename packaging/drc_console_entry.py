"""The bundle's entry point: the same ``drc-console`` command line as a source install."""

import sys

from console.main import main

if __name__ == "__main__":
    sys.exit(main())
