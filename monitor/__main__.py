from __future__ import annotations

from monitor.cli.main import main

if __name__ == "__main__":
    main()
