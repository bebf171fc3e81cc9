"""Use cases: one module per capability; the CLI and the daemon call these and nothing else."""
