"""ckg: command line and Python API over the contested-events graph."""
