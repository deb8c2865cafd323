#!/usr/bin/env python
from kansli.cli import main

if __name__ == "__main__":
    main()
